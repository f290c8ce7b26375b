/**
 * Study items: what a learner answers and FSRS schedules. A card gives one or more, told apart by their
 * variant: a basic card is variant 0 (its title, or a prompt made from its body, on the front; the body on
 * the back); a reversible card adds variant 1 (the body on the front, the title on the back); a cloze card
 * gives one item per deletion number n, variant n (see cloze.ts). A cloze card without a well-formed
 * deletion is studied as a basic card.
 */
import type { CardKind } from '../card-set.js';
import { clozeNumbers } from './cloze.js';
import { cardPrompt } from './prompt.js';

export interface ItemCard {
  position: number;
  title: string | null;
  body: string;
  kind: CardKind;
  reversible: boolean;
}

/** A card's variants, in study order. */
export function studyVariants(card: Pick<ItemCard, 'kind' | 'reversible' | 'body' | 'title'>): number[] {
  if (card.kind === 'cloze') {
    const numbers = clozeNumbers(card.body);
    if (numbers.length > 0) return numbers;
  }
  // Reversing needs something on both sides: a title to answer with.
  const reversible = card.reversible && (card.title?.trim() ?? '') !== '';
  return reversible ? [0, 1] : [0];
}

export const isVariantOf = (
  card: Pick<ItemCard, 'kind' | 'reversible' | 'body' | 'title'>,
  variant: number,
) => studyVariants(card).includes(variant);

export interface ItemFaces {
  /** A short plain-text heading for the front (the card's title or a prompt). */
  front: string;
  /** Markdown shown on the front under that heading, when the front is more than a line (cloze, reverse). */
  frontBody: string | null;
  /** Markdown: the answer side. */
  back: string;
  /**
   * For a cloze item, its deletion number: frontBody and back are then the card's body, to be rendered with
   * that number's deletions hidden (front) or marked (back); see renderMarkdown's cloze view.
   */
  clozeNumber: number | null;
  /** How the item reads in a list: "Card 3", "Card 3, reversed", "Card 3, deletion 2". */
  label: string;
}

/** What the learner sees of one item. `variant` must be one of studyVariants(card). */
export function itemFaces(card: ItemCard, variant: number): ItemFaces {
  if (card.kind === 'cloze' && variant > 0 && clozeNumbers(card.body).includes(variant)) {
    const title = card.title?.trim() ?? '';
    return {
      front: title !== '' ? title : `Card ${card.position}`,
      frontBody: card.body,
      back: card.body,
      clozeNumber: variant,
      label: `Card ${card.position}, deletion ${variant}`,
    };
  }
  if (variant === 1 && card.kind === 'basic' && card.reversible && (card.title?.trim() ?? '') !== '') {
    return {
      front: 'What is this?',
      frontBody: card.body,
      back: escapeMarkdown(card.title!.trim()),
      clozeNumber: null,
      label: `Card ${card.position}, reversed`,
    };
  }
  return {
    front: cardPrompt(card),
    frontBody: null,
    back: card.body,
    clozeNumber: null,
    label: `Card ${card.position}`,
  };
}

/** A card title as Markdown that reads exactly as written (titles are plain text). */
function escapeMarkdown(text: string): string {
  let out = '';
  for (const char of text) out += '\\`*_{}[]()<>#+-.!|~'.includes(char) ? `\\${char}` : char;
  return out;
}

/** The key of an item in maps and forms: "12" for a card's variant 0, "12.1" otherwise. */
export const itemKey = (cardId: number, variant: number): string =>
  variant === 0 ? String(cardId) : `${cardId}.${variant}`;

/** Reads itemKey's form; null when it is not one. */
export function parseItemKey(value: string | undefined): { cardId: number; variant: number } | null {
  if (value === undefined || value.length > 24) return null;
  const dot = value.indexOf('.');
  const cardPart = dot < 0 ? value : value.slice(0, dot);
  const variantPart = dot < 0 ? '0' : value.slice(dot + 1);
  if (!/^\d{1,15}$/.test(cardPart) || !/^\d{1,3}$/.test(variantPart)) return null;
  const cardId = Number(cardPart);
  return cardId >= 1 ? { cardId, variant: Number(variantPart) } : null;
}
