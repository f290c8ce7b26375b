/**
 * Card bodies are Markdown. Writers that need their structure (plain-text formats) or their HTML (Anki)
 * parse it here, with the same policy the web renders it with (src/web/markdown.ts): raw HTML off,
 * links only to http(s) and mailto.
 */
import MarkdownIt, { type Token } from 'markdown-it';

const SAFE_LINK = /^(?:https?:|mailto:)/i;

/** For reading structure: images stay images, so their alt text and address can be kept as words. */
export const markdownParser = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdownParser.validateLink = (url) => SAFE_LINK.test(url.trim());

/** For HTML that leaves Recall (Anki notes): images off, as on Recall's pages. */
const markdownRenderer = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdownRenderer.disable(['image']);
markdownRenderer.validateLink = (url) => SAFE_LINK.test(url.trim());

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
