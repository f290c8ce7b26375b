/** What changed between two versions of a card set, in a sentence for the revision history. */
export interface CardSetSnapshot {
  title: string;
  subtitle: string | null;
  subject: string;
  topic: string | null;
  level: string | null;
  examBoard: string | null;
  visibility: string;
  /** Absent in revisions saved before sets had a language. */
  language?: string | null;
  /** Absent in snapshots saved before tags (migration 20261203T0800). */
  tags?: string[];
  cards: {
    id: number;
    title: string | null;
    body: string;
    kind?: string;
    reversible?: boolean;
    tags?: string[];
  }[];
}

const sameTags = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((tag, index) => tag === b[index]);

export function summariseChanges(before: CardSetSnapshot, after: CardSetSnapshot): string {
  const parts: string[] = [];
  const fields: [keyof CardSetSnapshot, string][] = [
    ['title', 'title'],
    ['subtitle', 'subtitle'],
    ['subject', 'subject'],
    ['topic', 'topic'],
    ['level', 'level'],
    ['examBoard', 'exam board'],
    ['visibility', 'visibility'],
    ['language', 'language'],
  ];
  const changedFields = fields
    .filter(([key]) => (before[key] ?? null) !== (after[key] ?? null))
    .map(([, label]) => label);
  if (!sameTags(before.tags, after.tags)) changedFields.push('tags');
  if (changedFields.length > 0) parts.push(`changed the ${changedFields.join(', ')}`);

  const beforeById = new Map(before.cards.map((card) => [card.id, card]));
  const afterIds = new Set(after.cards.map((card) => card.id));
  const added = after.cards.filter((card) => !beforeById.has(card.id)).length;
  const removed = before.cards.filter((card) => !afterIds.has(card.id)).length;
  const edited = after.cards
    .map((card, index) => ({ card, index }))
    .filter(({ card }) => {
      const old = beforeById.get(card.id);
      return (
        old !== undefined &&
        (old.title !== card.title ||
          old.body !== card.body ||
          (old.kind ?? 'basic') !== (card.kind ?? 'basic') ||
          (old.reversible ?? false) !== (card.reversible ?? false) ||
          !sameTags(old.tags, card.tags))
      );
    })
    .map(({ index }) => index + 1);
  const keptBefore = before.cards.filter((card) => afterIds.has(card.id)).map((card) => card.id);
  const keptAfter = after.cards.filter((card) => beforeById.has(card.id)).map((card) => card.id);
  const reordered = keptBefore.some((id, index) => keptAfter[index] !== id);

  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  if (edited.length > 0) parts.push(`edited card${edited.length === 1 ? '' : 's'} ${edited.join(', ')}`);
  if (added > 0) parts.push(`added ${count(added, 'card')}`);
  if (removed > 0) parts.push(`deleted ${count(removed, 'card')}`);
  if (reordered) parts.push('reordered the cards');
  if (parts.length === 0) return 'Saved without changes';
  const sentence = parts.join('; ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
