/**
 * In a Markdown document of a set, cards are `##` sections, so a card body's own headings move one level
 * down (`###` → `####`) and back up when read. Only ATX headings at the top level of a body move (those in
 * quotes or lists, and underlined ones, stay as written); a level-6 heading cannot go lower and reads back
 * as level 5.
 */
import type { Token } from 'markdown-it';

const ATX = /^( {0,3})(#{1,6})(?=[ \t]|$)/;

/** Lines (0-based) of the top-level ATX headings among the tokens. */
export function atxHeadingLines(tokens: readonly Token[], lines: readonly string[]): number[] {
  return tokens
    .filter(
      (token) =>
        token.type === 'heading_open' && token.level === 0 && token.map !== null && /^#+$/.test(token.markup),
    )
    .map((token) => token.map![0])
    .filter((line) => ATX.test(lines[line] ?? ''));
}

export const deeperHeading = (line: string): string =>
  line.replace(
    ATX,
    (_, indent: string, marks: string) => `${indent}${marks.length < 6 ? `${marks}#` : marks}`,
  );

export const shallowerHeading = (line: string): string =>
  line.replace(
    ATX,
    (_, indent: string, marks: string) => `${indent}${marks.length > 1 ? marks.slice(1) : marks}`,
  );
