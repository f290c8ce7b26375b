/**
 * Recall's one Markdown set-up. Card bodies are CommonMark with raw HTML off and links only to http(s)
 * and mailto; every parser and renderer is made here, so that policy is written once. Renderers add their
 * own rules to the instance they are given (src/formats/render-markdown.ts: headings, cloze, link rel).
 */
import MarkdownItConstructor, { type MarkdownIt } from 'markdown-it';

const SAFE_LINK = /^(?:https?:|mailto:)/i;

/** A new instance with the policy; `images: false` for HTML that shows no pictures (Recall's pages, Anki). */
export function createMarkdown(options: { images?: boolean } = {}): MarkdownIt {
  const markdown = new MarkdownItConstructor({ html: false, linkify: false, typographer: false });
  markdown.validateLink = (url) => SAFE_LINK.test(url.trim());
  if (options.images === false) markdown.disable(['image']);
  return markdown;
}

/** For reading structure (never rendered): images stay images, so their alt text and address can be kept. */
export const markdownParser = createMarkdown();
