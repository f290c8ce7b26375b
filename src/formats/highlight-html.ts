import { HIGHLIGHT_END, HIGHLIGHT_START } from '../domain/search-text.js';

const MARKED = new RegExp(`(${HIGHLIGHT_START}[^${HIGHLIGHT_END}]*${HIGHLIGHT_END})`);
const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A highlighted search snippet as HTML: the text escaped, the matches in <mark>. */
export function highlightToHtml(text: string): string {
  return text
    .split(MARKED)
    .map((part) =>
      part.startsWith(HIGHLIGHT_START) ? `<mark>${escape(part.slice(1, -1))}</mark>` : escape(part),
    )
    .join('');
}

/** The same snippet as plain text. */
export const highlightToText = (text: string): string =>
  text.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_END, '');
