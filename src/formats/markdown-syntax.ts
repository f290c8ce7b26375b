/**
 * Card bodies are Markdown. Writers that need their structure (plain-text formats) or their HTML (Anki)
 * parse it here, with the policy of src/domain/markdown.ts that the web renders it with too: raw HTML
 * off, links only to http(s) and mailto.
 */
import type { Token } from 'markdown-it';
import { createMarkdown, markdownParser } from '../domain/markdown.js';

export { markdownParser };

/** For HTML that leaves Recall (Anki notes): images off, as on Recall's pages. */
const markdownRenderer = createMarkdown({ images: false });

export const markdownToHtml = (markdown: string): string => markdownRenderer.render(markdown).trim();

export const parseMarkdown = (markdown: string): Token[] => markdownParser.parse(markdown, {});

/**
 * The words of an inline token as plain text: emphasis dropped, code kept, a link as "text (address)"
 * when the address says more than the text, an image as "[image: alt]". Line breaks become spaces.
 */
export function inlinePlainText(inline: Token): string {
  let text = '';
  const links: string[] = [];
  for (const child of inline.children ?? []) {
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
        text += `[image: ${child.content || String(child.attrGet('src') ?? '')}]`;
        break;
      case 'link_open':
        links.push(String(child.attrGet('href') ?? ''));
        text += '\u0000';
        break;
      case 'link_close': {
        const href = links.pop() ?? '';
        const start = text.lastIndexOf('\u0000');
        const label = text.slice(start + 1);
        text = text.slice(0, start) + label + (href === '' || href === label ? '' : ` (${href})`);
        break;
      }
      default:
        break;
    }
  }
  return text;
}

/** Collapses every run of white space to one space and trims: what a plain-text line can hold. */
export const singleLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
