/**
 * Writes a set as a readable Markdown document:
 *
 *   # Title
 *   > Subtitle
 *   - Subject: … / - Topic: … / - Level: … / - Exam board: … / - Tags: a, b
 *   ## 1. Card title          (an untitled card: "## Card 2")
 *   its body, headings one level down
 *
 * readMarkdownDocument reads it back.
 */
import type { CardSetDocument } from '../card-set-document.js';
import { escapeMarkdownText } from '../markdown-text.js';
import { parseMarkdown, singleLine } from '../markdown-syntax.js';
import { atxHeadingLines, deeperHeading } from './markdown-headings.js';

/** Heading text: escaped, and with every `#` escaped so that none can close the heading. */
export const headingText = (text: string): string =>
  escapeMarkdownText(singleLine(text)).replace(/(?<!\\)#/g, '\\#');

export function writeMarkdownDocument(document: CardSetDocument): string {
  const parts = [`# ${headingText(document.title)}`];
  if (document.subtitle !== null && singleLine(document.subtitle) !== '') {
    parts.push(`> ${escapeMarkdownText(singleLine(document.subtitle))}`);
  }
  const entries: [string, string | null][] = [
    ['Subject', document.subject],
    ['Topic', document.topic],
    ['Level', document.level],
    ['Exam board', document.examBoard],
    ['Tags', document.tags.length === 0 ? null : document.tags.map(singleLine).join(', ')],
  ];
  const metadata = entries
    .filter((entry): entry is [string, string] => entry[1] !== null && singleLine(entry[1]) !== '')
    .map(([key, value]) => `- ${key}: ${escapeMarkdownText(singleLine(value))}`);
  if (metadata.length > 0) parts.push(metadata.join('\n'));
  document.cards.forEach((card, index) => {
    const title = card.title === null ? '' : singleLine(card.title);
    parts.push(title === '' ? `## Card ${index + 1}` : `## ${index + 1}. ${headingText(title)}`);
    const body = bodyWithDeeperHeadings(card.body);
    if (body !== '') parts.push(body);
  });
  return `${parts.join('\n\n')}\n`;
}

function bodyWithDeeperHeadings(body: string): string {
  const lines = body.split(/\r\n|\r|\n/);
  const tokens = parseMarkdown(body);
  for (const line of atxHeadingLines(tokens, lines)) lines[line] = deeperHeading(lines[line]!);
  // A fence left open would swallow the cards after it; close it.
  const last = tokens[tokens.length - 1];
  if (last?.type === 'fence' && last.map !== null) {
    const closing = lines[last.map[1] - 1]?.trim() ?? '';
    const closed =
      last.map[1] - 1 > last.map[0] && closing.startsWith(last.markup) && /^[`~]+$/.test(closing);
    if (!closed) lines.push(last.markup);
  }
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.join('\n');
}
