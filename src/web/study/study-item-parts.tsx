/** Parts of the study pages: an item's sides as HTML, and a session's options (ahead, tag) kept in links. */
import { renderMarkdown } from '../../formats/render-markdown.js';
import type { StudyItem } from '../../services/study/study-queue.js';

/** One side of an item: a cloze item's deletion hidden behind its gap (front) or marked (back). */
export const renderItemSide = (item: StudyItem, markdown: string, side: 'front' | 'back') =>
  renderMarkdown(markdown, item.clozeNumber === null ? {} : { cloze: { number: item.clozeNumber, side } });

/** The address of a study page with its options (ahead, tag) kept. */
export function withOptions(action: string, options: { ahead?: boolean; tag?: string | undefined }): string {
  const params = new URLSearchParams();
  if (options.ahead === true) params.set('ahead', '1');
  if (options.tag !== undefined) params.set('tag', options.tag);
  const query = params.toString();
  return query === '' ? action : `${action}?${query}`;
}

/** Says that only a tag's cards are studied, with the way back to all of them. */
export function TagScope({ tag, action }: { tag: string | undefined; action: string }) {
  if (tag === undefined) return null;
  return (
    <p class="study-scope" data-study-tag>
      Only cards tagged <strong>{tag}</strong>. <a href={action}>Study every card</a>
    </p>
  );
}
