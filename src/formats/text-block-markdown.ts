/**
 * The block vocabulary of plain-text card bodies (bullets, sub-headings, paragraphs, one line each) and how
 * it is written as Markdown. The revision-text parser and the other plain-text formats share it, so that
 * they agree on every body.
 */
import { escapeMarkdownText } from './markdown-text.js';

export interface TextBlock {
  kind: 'bullet' | 'heading' | 'paragraph';
  text: string;
}

const MAX_HEADING_LENGTH = 80;

/** True when a line of words, placed before `next`, would be read as a sub-heading. */
export function readsAsHeading(
  text: string,
  previous: TextBlock | undefined,
  nextIsBullet: boolean,
): boolean {
  const startsGroup = previous === undefined || previous.kind === 'bullet';
  return nextIsBullet && startsGroup && text.length <= MAX_HEADING_LENGTH && !/[.,;:]$/.test(text);
}

/** Blocks → Markdown exactly as the revision-text parser writes them, so both agree on every body. */
export function markdownFromTextBlocks(blocks: readonly TextBlock[]): string {
  return blocks
    .map((block, index) => {
      const text = escapeMarkdownText(block.text);
      const previous = blocks[index - 1];
      const separator =
        previous === undefined ? '' : previous.kind === 'bullet' && block.kind === 'bullet' ? '\n' : '\n\n';
      switch (block.kind) {
        case 'bullet':
          return `${separator}- ${text}`;
        case 'heading':
          return `${separator}### ${text}`;
        case 'paragraph':
          return `${separator}${text}`;
      }
    })
    .join('');
}
