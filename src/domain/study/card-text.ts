/**
 * A card's Markdown body as plain "facts": its bullet items, paragraphs and sub-headings, in order, with
 * Markdown escapes and entities undone (markdown-it tokenizes; no regular expressions over Markdown).
 * Facts are what questions and timelines are made from.
 */
import type { Token } from 'markdown-it';
import type { Card } from '../card-set.js';
import { markdownParser } from '../markdown.js';
import { collapseSpace } from './answer-text.js';

export type FactKind = 'bullet' | 'paragraph' | 'heading';

export interface Fact {
  cardPosition: number;
  /** 0-based index of the fact within its card. */
  index: number;
  kind: FactKind;
  text: string;
}

/** The card fields study needs: the domain's Card, or a draft given a position. */
export type StudyCard = Pick<Card, 'position' | 'title' | 'body'>;

function inlineText(children: readonly Token[]): string {
  let text = '';
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
        text += child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += ' ';
        break;
      case 'image':
        text += inlineText(child.children ?? []);
        break;
      default:
        break;
    }
  }
  return text;
}

export function cardFacts(card: Pick<Card, 'position' | 'body'>): Fact[] {
  const facts: Fact[] = [];
  const add = (kind: FactKind, raw: string) => {
    const text = collapseSpace(raw);
    if (text !== '') facts.push({ cardPosition: card.position, index: facts.length, kind, text });
  };
  let listDepth = 0;
  let inHeading = false;
  for (const token of markdownParser.parse(card.body, {})) {
    switch (token.type) {
      case 'list_item_open':
        listDepth++;
        break;
      case 'list_item_close':
        listDepth--;
        break;
      case 'heading_open':
        inHeading = true;
        break;
      case 'heading_close':
        inHeading = false;
        break;
      case 'inline':
        add(inHeading ? 'heading' : listDepth > 0 ? 'bullet' : 'paragraph', inlineText(token.children ?? []));
        break;
      case 'fence':
      case 'code_block':
        for (const line of token.content.split('\n')) add(listDepth > 0 ? 'bullet' : 'paragraph', line);
        break;
      default:
        break;
    }
  }
  return facts;
}

export function setFacts(cards: readonly Pick<Card, 'position' | 'body'>[]): Fact[] {
  return cards.flatMap(cardFacts);
}

/** The card's title and facts as plain text, one per line: what "found in the card" is checked against. */
export function cardPlainText(card: StudyCard, facts: readonly Fact[] = cardFacts(card)): string {
  return [card.title ?? '', ...facts.map((fact) => fact.text)].filter((line) => line !== '').join('\n');
}
