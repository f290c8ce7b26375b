/** Shapes card sets for the JSON API: the API's contract, independent of the tables. */
import type { CardSet, CardSetSummary } from '../../domain/card-set.js';

const links = (set: CardSetSummary) => ({
  html: `/sets/${set.id}/${set.slug}`,
  subject: `/subjects/${set.subject.slug}`,
  topic: set.topic === null ? null : `/subjects/${set.subject.slug}/${set.topic.slug}`,
});

export function presentCardSetSummary(set: CardSetSummary) {
  return {
    id: set.id,
    title: set.title,
    subtitle: set.subtitle,
    subject: set.subject.name,
    topic: set.topic?.name ?? null,
    level: set.level,
    examBoard: set.examBoard,
    visibility: set.visibility,
    language: set.language,
    author: { handle: set.author.handle, displayName: set.author.displayName },
    cardCount: set.cardCount,
    viewCount: set.viewCount,
    createdAt: set.createdAt.toISOString(),
    updatedAt: set.updatedAt.toISOString(),
    links: links(set),
  };
}

export function presentCardSet(set: CardSet) {
  return {
    ...presentCardSetSummary(set),
    tags: set.tags,
    cards: set.cards.map((card) => ({
      position: card.position,
      title: card.title,
      body: card.body,
      kind: card.kind,
      reversible: card.reversible,
      tags: card.tags,
    })),
  };
}
