/** The format-neutral card set that every reader produces and every writer takes. */
import type { CardDraft, ExamBoard, Level } from '../domain/card-set.js';

export interface CardSetDocument {
  title: string;
  subtitle: string | null;
  subject: string | null;
  topic: string | null;
  level: Level | null;
  examBoard: ExamBoard | null;
  /** A BCP 47 language tag, for formats that carry one (Recall JSON); absent or null when not said. */
  language?: string | null;
  tags: string[];
  /** In order; bodies are Markdown, titles plain text. */
  cards: CardDraft[];
  /**
   * The review log another app kept for these cards (Anki's revlog, in a .colpkg or a package exported with
   * scheduling), oldest first: the importer's own progress, not part of the set. Absent when the file has none.
   */
  reviewHistory?: ImportedReview[];
}

/** One answer from another app's review log. */
export interface ImportedReview {
  /** Index in `cards`. */
  cardIndex: number;
  /** Which studied card of it: 0 the card (a basic card forward), 1 its reverse, n cloze deletion n. */
  variant: number;
  /** Epoch milliseconds. */
  reviewedAt: number;
  /** Again, Hard, Good, Easy. */
  rating: 1 | 2 | 3 | 4;
  /** Time spent answering, as the app measured it (Anki caps it at a minute by default). */
  durationMs: number;
}

/** A document with only a title and cards: what formats that carry no more (term lists) start from. */
export function emptyDocument(title: string): CardSetDocument {
  return {
    title,
    subtitle: null,
    subject: null,
    topic: null,
    level: null,
    examBoard: null,
    tags: [],
    cards: [],
  };
}
