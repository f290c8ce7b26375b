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
