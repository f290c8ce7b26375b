/**
 * Reads a Markdown document of a set: the first `# ` heading is the title; before the first card, a quote
 * is the subtitle and a list of "Key: value" lines the metadata (Subject, Topic, Level, Exam board, Tags;
 * other keys and other text there are ignored); each `## ` heading starts a card.
 *
 * In a document Recall wrote (its first card heading is "1. …" or "Card 1"), only "## n. Title" / "## Card n"
 * headings with the next number start cards, so a body's own level-1 headings (written as `##`) stay in the
 * body. Otherwise, every top-level `##` heading starts a card and its text is the card's title.
 */
import type { Token } from 'markdown-it';
import { EXAM_BOARDS, LEVELS, isExamBoard, isLevel } from '../../domain/card-set.js';
import { clozeKindOf } from '../cloze-kind.js';
import { emptyDocument, type CardSetDocument } from '../card-set-document.js';
import { inlinePlainText, parseMarkdown, singleLine } from '../markdown-syntax.js';
import { FORMAT_LIMITS, tooManyCards } from '../format-limits.js';
import { ParseError } from '../parse-error.js';
import { atxHeadingLines, shallowerHeading } from './markdown-headings.js';

interface CardHeading {
  token: Token;
  title: string | null;
}

export function readMarkdownDocument(text: string, maxCards: number): CardSetDocument {
  const lines = text.split(/\r\n|\r|\n/);
  const tokens = parseMarkdown(text);
  const positions = new Map(tokens.map((token, index) => [token, index]));
  const top = tokens.filter((token) => token.level === 0 && token.map !== null);
  const lineOf = (token: Token) => token.map![0] + 1;
  const inlineAfter = (token: Token) => tokens[positions.get(token)! + 1];

  const first = top[0];
  if (first === undefined) throw new ParseError('the document is empty', 1);
  if (first.type !== 'heading_open' || first.tag !== 'h1') {
    throw new ParseError('expected the set\'s title as a heading like "# Title"', lineOf(first));
  }
  const document = emptyDocument(singleLine(inlinePlainText(inlineAfter(first)!)));
  if (document.title === '') throw new ParseError("the set's title is empty", lineOf(first));

  const h2s = top.filter(
    (token) => token.type === 'heading_open' && token.tag === 'h2' && /^#+$/.test(token.markup),
  );
  const cardHeadings = findCardHeadings(h2s, (token) => singleLine(inlinePlainText(inlineAfter(token)!)));
  const firstCardLine = cardHeadings[0]?.token.map![0] ?? lines.length;

  for (const token of top) {
    if (token === first || token.map![0] >= firstCardLine) continue;
    if (token.type === 'blockquote_open' && document.subtitle === null) {
      document.subtitle = singleLine(textInside(tokens, positions.get(token)!).join(' ')) || null;
    } else if (token.type === 'bullet_list_open') {
      readMetadata(document, tokens, positions.get(token)!);
    }
  }

  if (cardHeadings.length > maxCards)
    throw new ParseError(tooManyCards(maxCards), lineOf(cardHeadings[maxCards]!.token));
  const cardLines = new Set(cardHeadings.map((heading) => heading.token.map![0]));
  const bodyHeadings = new Set(atxHeadingLines(tokens, lines).filter((line) => !cardLines.has(line)));
  cardHeadings.forEach((heading, index) => {
    const start = heading.token.map![1];
    const end = cardHeadings[index + 1]?.token.map![0] ?? lines.length;
    const body: string[] = [];
    for (let line = start; line < end; line++) {
      body.push(bodyHeadings.has(line) ? shallowerHeading(lines[line]!) : lines[line]!);
    }
    while (body.length > 0 && body[0]!.trim() === '') body.shift();
    while (body.length > 0 && body[body.length - 1]!.trim() === '') body.pop();
    const text = body.join('\n');
    // Cloze syntax is written as text: a body with a well-formed deletion is a cloze card.
    document.cards.push({ title: heading.title, body: text, ...clozeKindOf(text) });
  });
  return document;
}

const NUMBERED = /^(\d+)\.(?: (.*))?$/;
const UNTITLED = /^Card (\d+)$/;

function findCardHeadings(h2s: readonly Token[], textOf: (token: Token) => string): CardHeading[] {
  const firstText = h2s[0] === undefined ? '' : textOf(h2s[0]);
  const numbered = NUMBERED.exec(firstText)?.[1] === '1' || UNTITLED.exec(firstText)?.[1] === '1';
  if (!numbered) return h2s.map((token) => ({ token, title: textOf(token) || null }));
  const headings: CardHeading[] = [];
  for (const token of h2s) {
    const text = textOf(token);
    const expected = String(headings.length + 1);
    const titled = NUMBERED.exec(text);
    if (titled?.[1] === expected) headings.push({ token, title: singleLine(titled[2] ?? '') || null });
    else if (UNTITLED.exec(text)?.[1] === expected) headings.push({ token, title: null });
  }
  return headings;
}

/** The plain text of every inline token inside a container token, up to its close. */
function textInside(tokens: readonly Token[], at: number): string[] {
  const open = tokens[at]!;
  const texts: string[] = [];
  for (let i = at + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.level === open.level && token.type === open.type.replace('_open', '_close')) break;
    if (token.type === 'inline') texts.push(inlinePlainText(token));
  }
  return texts;
}

function readMetadata(document: CardSetDocument, tokens: readonly Token[], at: number): void {
  const list = tokens[at]!;
  const inlines: Token[] = [];
  for (let i = at + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.level === list.level && token.type === 'bullet_list_close') break;
    if (token.type === 'inline') inlines.push(token);
  }
  for (const inline of inlines) {
    const match = /^([^:]+):(.*)$/.exec(singleLine(inlinePlainText(inline)));
    if (match === null) continue;
    const key = match[1]!.trim().toLowerCase();
    const value = match[2]!.trim();
    const line = (inline.map?.[0] ?? 0) + 1;
    switch (key) {
      case 'subject':
        document.subject = value || null;
        break;
      case 'topic':
        document.topic = value || null;
        break;
      case 'level':
        if (!isLevel(value))
          throw new ParseError(`the level must be one of ${LEVELS.join(', ')}; found "${value}"`, line);
        document.level = value;
        break;
      case 'exam board':
        if (!isExamBoard(value)) {
          throw new ParseError(
            `the exam board must be one of ${EXAM_BOARDS.join(', ')}; found "${value}"`,
            line,
          );
        }
        document.examBoard = value;
        break;
      case 'tags':
        document.tags = value
          .split(',')
          .map((tag) => tag.trim())
          .filter((tag) => tag !== '' && tag.length <= FORMAT_LIMITS.tagLength)
          .slice(0, FORMAT_LIMITS.tagsPerSet);
        break;
      default:
        break;
    }
  }
}
