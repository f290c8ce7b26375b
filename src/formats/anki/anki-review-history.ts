/**
 * Anki's review log (`revlog`) → the importer's review history: one entry per answer (ease 1–4; manual
 * rescheduling, which has ease 0, is not an answer), mapped to the Recall card its note became and to the
 * studied variant: the first template → 0, the reverse template → 1, cloze card n (ord n − 1) → n. Answers
 * to other templates of many-template note types have no Recall card and are left out.
 */
import type { ImportedReview } from '../card-set-document.js';
import type Database from 'better-sqlite3';
import type { NoteShape } from './anki-note-types.js';

export interface CardPlace {
  noteId: number;
  ord: number;
}

/** Where each note's card landed: the set (by deck id) and its index there. */
export type LandedNotes = Map<number, { deckId: number; cardIndex: number; shape: NoteShape }>;

function variantOf(shape: NoteShape, ord: number): number | null {
  if (shape.kind === 'cloze') return ord + 1;
  if (ord === 0) return 0;
  return ord === shape.reverseOrd ? 1 : null;
}

/** The review history of each set (by deck id), oldest answer first. */
export function readReviewHistory(
  db: Database.Database,
  cards: ReadonlyMap<number, CardPlace>,
  landed: LandedNotes,
): Map<number, ImportedReview[]> {
  const histories = new Map<number, ImportedReview[]>();
  for (const [id, cid, ease, time] of db
    .prepare('select id, cid, ease, time from revlog not indexed where ease between 1 and 4 order by id')
    .raw()
    .iterate() as Iterable<[unknown, unknown, unknown, unknown]>) {
    const card = cards.get(Number(cid));
    if (card === undefined) continue;
    const note = landed.get(card.noteId);
    if (note === undefined) continue;
    const variant = variantOf(note.shape, card.ord);
    if (variant === null) continue;
    const list = histories.get(note.deckId) ?? [];
    list.push({
      cardIndex: note.cardIndex,
      variant,
      reviewedAt: Number(id),
      rating: Number(ease) as ImportedReview['rating'],
      durationMs: Math.max(0, Math.min(Number(time) || 0, 24 * 60 * 60 * 1000)),
    });
    histories.set(note.deckId, list);
  }
  return histories;
}
