import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../domain/search-text.js';

const MARKED = new RegExp(`(${HIGHLIGHT_START}[^${HIGHLIGHT_END}]*${HIGHLIGHT_END})`);

/** A search snippet: text escaped as always, matches in <mark>. */
export function Snippet({ text }: { text: string }) {
  return (
    <>
      {text
        .split(MARKED)
        .map((part, index) =>
          part.startsWith(HIGHLIGHT_START) ? <mark key={index}>{part.slice(1, -1)}</mark> : part,
        )}
    </>
  );
}
