/** Exporting a stored card set as a file in any format, for whoever may view it. */
import type { CardSet } from '../domain/card-set.js';
import type { Viewer } from '../domain/viewer.js';
import type { CardSetDocument } from '../formats/card-set-document.js';
import type { FormatId } from '../formats/card-set-format.js';
import { formatById } from '../formats/registry.js';
import type { ServiceContext } from './context.js';
import { getCardSet } from './read-card-set.js';

/**
 * Whoever runs the command line: it has the database itself, so it may read every set (private ones
 * too), as staff may. No account has id 0, so it owns nothing.
 */
export const OPERATOR: Viewer = { userId: 0, role: 'admin' };

export interface ExportedFile {
  /** A safe file name: the set's slug and the format's extension, e.g. `persecution-and-control.apkg`. */
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  set: CardSet;
}

/** The set as a format-neutral document: its tags, and each card's kind, reversibility and tags. */
export function documentOfCardSet(set: CardSet): CardSetDocument {
  return {
    title: set.title,
    subtitle: set.subtitle,
    subject: set.subject.name,
    topic: set.topic?.name ?? null,
    level: set.level,
    examBoard: set.examBoard,
    language: set.language,
    tags: set.tags,
    cards: set.cards.map((card) => ({
      title: card.title,
      body: card.body,
      kind: card.kind,
      reversible: card.reversible,
      tags: card.tags,
    })),
  };
}

/** The set written in `formatId`; "not found" when the viewer may not see it (as its page would be). */
export async function exportCardSet(
  ctx: ServiceContext,
  viewer: Viewer,
  id: number,
  formatId: FormatId,
): Promise<ExportedFile> {
  const set = await getCardSet(ctx, viewer, id);
  const format = formatById(formatId);
  return {
    fileName: `${set.slug}${format.extension}`,
    mediaType: format.mediaType,
    bytes: format.write(documentOfCardSet(set), { now: ctx.clock.now() }),
    set,
  };
}
