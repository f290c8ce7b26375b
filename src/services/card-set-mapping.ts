/** Rows → domain objects: the only place that knows both shapes. */
import type { CardSetSummaryRow } from '../db/repositories/card-set.repository.js';
import type { CardRow } from '../db/tables.js';
import { isExamBoard, isLevel, isVisibility, type Card, type CardSetSummary } from '../domain/card-set.js';
import type { AccessFacts } from '../domain/card-set-access.js';
import { canonicalLanguageTag } from '../domain/language-tag.js';
import { cardSetSlug } from '../domain/slug.js';

/** A draft's language as stored: its canonical tag ("EN-gb" → "en-GB"), or null (drafts are validated first). */
export const storedLanguage = (language: string | null | undefined): string | null =>
  language === undefined || language === null ? null : canonicalLanguageTag(language);

export function toCardSetSummary(row: CardSetSummaryRow): CardSetSummary {
  return {
    id: row.id,
    title: row.title,
    subtitle: row.subtitle,
    slug: cardSetSlug(row.title),
    subject: { name: row.subjectName, slug: row.subjectSlug },
    topic:
      row.topicName !== null && row.topicSlug !== null ? { name: row.topicName, slug: row.topicSlug } : null,
    level: row.level !== null && isLevel(row.level) ? row.level : null,
    examBoard: row.examBoard !== null && isExamBoard(row.examBoard) ? row.examBoard : null,
    visibility: isVisibility(row.visibility) ? row.visibility : 'private',
    language: row.language,
    author: { handle: row.authorHandle, displayName: row.authorName },
    cardCount: row.cardCount,
    viewCount: row.viewCount,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
  };
}

export function toAccessFacts(row: CardSetSummaryRow): AccessFacts {
  return {
    authorId: row.authorId,
    visibility: isVisibility(row.visibility) ? row.visibility : 'private',
    status: row.status === 'active' ? 'active' : 'hidden',
  };
}

/** A card row as a Card; its tags are stored apart (TagRepository.findCardTags): none here. */
export const toCard = (row: CardRow): Card => ({
  position: row.position,
  title: row.title,
  body: row.body,
  kind: row.kind === 'cloze' ? 'cloze' : 'basic',
  reversible: row.reversible === 1,
  tags: [],
});
