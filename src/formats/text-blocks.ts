/**
 * The vocabulary that plain-text formats share with Recall's Markdown bodies: bullets, sub-headings and
 * paragraphs, one line each. Revision text and term lists write card bodies as these lines and read them
 * back, so the rules here are the revision-text parser's (shared through src/formats/text-block-markdown.ts):
 * a line starting with `•` is a bullet; a short line that opens a group of bullets is a sub-heading
 * (`### `); any other line is a paragraph; the words are Markdown-escaped.
 */
import type { Token } from 'markdown-it';
import { readsAsHeading, type TextBlock } from './text-block-markdown.js';
import { inlinePlainText, parseMarkdown, singleLine } from './markdown-syntax.js';
import { BULLET, normaliseSpace } from './revision-text/parse-revision-text.js';

/** Plain lines (a term list's definition) → blocks, by the revision-text parser's rules. */
export function textBlocksFromPlainLines(lines: readonly string[]): TextBlock[] {
  const content = lines.map(normaliseSpace).filter((line) => line !== '');
  const blocks: TextBlock[] = [];
  content.forEach((line, index) => {
    if (BULLET.test(line)) {
      const text = normaliseSpace(line.replace(BULLET, ''));
      if (text !== '') blocks.push({ kind: 'bullet', text });
      return;
    }
    const next = content[index + 1];
    const heading = readsAsHeading(line, blocks[blocks.length - 1], next !== undefined && BULLET.test(next));
    blocks.push({ kind: heading ? 'heading' : 'paragraph', text: line });
  });
  return blocks;
}

/**
 * Markdown → blocks. Exact for bodies made of the vocabulary; anything richer is flattened to words:
 * emphasis dropped, links as "text (address)", nested lists as bullets, numbered items, quotes, code and
 * table rows as paragraphs, rules dropped.
 */
export function textBlocksFromMarkdown(markdown: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let itemOpen = false;
  let row: string[] | null = null;
  const push = (kind: TextBlock['kind'], raw: string) => {
    const text = singleLine(raw);
    if (text !== '') blocks.push({ kind, text });
  };
  const tokens = parseMarkdown(markdown);
  tokens.forEach((token: Token, index) => {
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({
          ordered: token.type === 'ordered_list_open',
          next: Number(token.attrGet('start') ?? 1),
        });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open':
        itemOpen = true;
        break;
      case 'tr_open':
        row = [];
        break;
      case 'tr_close':
        if (row !== null) push('paragraph', row.filter((cell) => cell !== '').join(' | '));
        row = null;
        break;
      case 'fence':
      case 'code_block':
        for (const line of token.content.split('\n')) push('paragraph', line);
        break;
      case 'inline': {
        const text = inlinePlainText(token);
        const parent = tokens[index - 1]?.type;
        const list = lists[lists.length - 1];
        if (row !== null) {
          row.push(singleLine(text));
        } else if (parent === 'heading_open') {
          push(list === undefined ? 'heading' : 'bullet', text);
        } else if (list !== undefined && itemOpen) {
          // The first paragraph of a list item is the item; later ones continue it.
          itemOpen = false;
          if (list.ordered) push('paragraph', `${list.next++}. ${text}`);
          else push('bullet', text);
        } else if (list !== undefined) {
          const last = blocks[blocks.length - 1];
          if (last !== undefined) last.text = singleLine(`${last.text} ${text}`);
          else push('paragraph', text);
        } else {
          push('paragraph', text);
        }
        break;
      }
      default:
        break;
    }
  });
  return blocks;
}
