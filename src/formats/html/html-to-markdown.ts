/**
 * HTML from other apps (Anki note fields, term lists with `#html:true`) → Recall Markdown, safely:
 * scripts, styles and embedded frames are dropped with their content; text, paragraphs, line breaks,
 * lists, bold and italic are kept; links only to http(s)/mailto; images, audio and video become plain
 * text references like "[image: cell.jpg]" (Recall imports no media). Every word is Markdown-escaped, so
 * text that looked like HTML or Markdown in the field stays text.
 */
import TurndownService from 'turndown';
import { escapeMarkdownText } from '../markdown-text.js';
import { singleLine } from '../markdown-syntax.js';
import { textBlocksFromMarkdown } from '../text-blocks.js';

const SAFE_LINK = /^(?:https?:|mailto:)/i;

export class HtmlTooComplexError extends Error {
  override name = 'HtmlTooComplexError';
}

const service = new TurndownService({
  headingStyle: 'atx',
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  emDelimiter: '*',
  strongDelimiter: '**',
  hr: '---',
  // A backslash hard break survives trimming, unlike two trailing spaces.
  br: '\\',
});

service.remove([
  'script',
  'style',
  'head',
  'title',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'canvas',
]);

// Padded with spaces so that references side by side stay apart; runs of spaces are collapsed afterwards.
const reference = (kind: string, source: string | null): string =>
  source === null || source.trim() === '' ? '' : ` ${escapeMarkdownText(`[${kind}: ${source.trim()}]`)} `;

service.addRule('images as text', {
  filter: 'img',
  replacement: (_content, node) => reference('image', node.getAttribute('src')),
});
service.addRule('audio and video as text', {
  filter: ['audio', 'video'],
  replacement: (_content, node) => {
    const element = node;
    const source =
      element.getAttribute('src') ?? element.querySelector('source')?.getAttribute('src') ?? null;
    return reference(element.nodeName.toLowerCase(), source);
  },
});
service.addRule('safe links only', {
  filter: 'a',
  replacement: (content, node) => {
    const href = node.getAttribute('href')?.trim() ?? '';
    return SAFE_LINK.test(href) && content.trim() !== ''
      ? `[${content}](<${href.replace(/[<>]/g, encodeURIComponent)}>)`
      : content;
  },
});
service.addRule('compact list items', {
  filter: 'li',
  replacement: (content, node) => {
    const parent = node.parentNode as HTMLElement | null;
    let prefix = '- ';
    if (parent?.nodeName === 'OL') {
      const start = Number(parent.getAttribute('start') ?? '1');
      const index = Array.prototype.indexOf.call(parent.children, node);
      prefix = `${(Number.isFinite(start) ? start : 1) + index}. `;
    }
    const text = content
      .replace(/^\n+/, '')
      .replace(/(?<!\n)\n+$/, '\n')
      .replace(/\n/g, `\n${' '.repeat(prefix.length)}`);
    return prefix + text + (node.nextSibling && !text.endsWith('\n') ? '\n' : '');
  },
});

// Text is escaped as Recall escapes imported words (a superset of Turndown's own escaping, adding `<`,
// entity-like `&`, `~` and more), so a Recall body sent to Anki as HTML comes back as the same Markdown.
service.escape = escapeMarkdownText;

/** No card needs deeper HTML; HTML parsers spend time that grows with the square of the depth. */
export const MAX_HTML_DEPTH = 100;
// Elements that never hold content, or whose end tag is implied by the next sibling: they add no depth.
const FLAT_ELEMENTS = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option optgroup rt rp tbody thead tfoot colgroup caption'.split(
    ' ',
  ),
);
const TAG_START = /<(\/?)([a-z][a-z\d-]*)/gi;

/**
 * The tags of an HTML text, in one pass: a tag runs from `<name` to the next `>` (attribute values
 * included). Found by searching for that `>` once per tag, and stopping when there is none: a pattern
 * like `<a[^>]*>` would scan to the end of the text again from every `<a` of a text without `>`.
 */
function* tagsOf(html: string): Generator<{ closing: boolean; name: string; selfClosing: boolean }> {
  TAG_START.lastIndex = 0;
  for (let m = TAG_START.exec(html); m !== null; m = TAG_START.exec(html)) {
    const end = html.indexOf('>', TAG_START.lastIndex);
    if (end === -1) return;
    yield { closing: m[1] === '/', name: m[2]!, selfClosing: html.charAt(end - 1) === '/' };
    TAG_START.lastIndex = end + 1;
  }
}

/**
 * How many tags one import may convert in all. Converting costs tens of microseconds a tag, so this bounds
 * the time an import of HTML (an Anki deck, a term list with #html:true) can take, whatever its size.
 */
export class HtmlBudget {
  constructor(private tagsLeft = 100_000) {}
  spend(tags: number): void {
    this.tagsLeft -= tags;
    if (this.tagsLeft < 0)
      throw new HtmlTooComplexError('the fields hold more than 100,000 HTML tags in all');
  }
}

/** Counts the tags and the deepest nesting they could make, in one linear pass, before any parser sees them. */
function assertSimpleEnough(html: string, budget: HtmlBudget): void {
  let depth = 0;
  let tags = 0;
  for (const { closing, name, selfClosing } of tagsOf(html)) {
    tags++;
    if (FLAT_ELEMENTS.has(name.toLowerCase()) || selfClosing) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (depth > MAX_HTML_DEPTH) {
      throw new HtmlTooComplexError(`the HTML nests elements more than ${MAX_HTML_DEPTH} deep`);
    }
  }
  budget.spend(tags);
}

/**
 * HTML → Markdown. Throws HtmlTooComplexError (for the reader to name the field) when the nesting is absurd or
 * the import's budget of tags is spent.
 */
export function htmlToMarkdown(html: string, budget: HtmlBudget): string {
  assertSimpleEnough(html, budget);
  let markdown: string;
  try {
    markdown = service.turndown(html);
  } catch (error) {
    if (error instanceof RangeError) throw new HtmlTooComplexError('the HTML is nested too deeply to read');
    throw error;
  }
  return withoutDanglingBreaks(
    markdown
      .replace(/\u00a0/g, ' ')
      .replace(/(?<=\S) {2,}(?=\S)/g, ' ')
      // A single leading space is a padded reference's; deeper indents belong to list items.
      .replace(/^ (?=\S)/gm, '')
      .replace(/(?<![ \t])[ \t]+$/gm, ''),
  )
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A line ending in an odd number of backslashes ends in a hard break (an even number is escaped backslashes). */
function endsInBreak(line: string): boolean {
  let count = 0;
  for (let at = line.length - 1; at >= 0 && line[at] === '\\'; at--) count++;
  return count % 2 === 1;
}

/**
 * A `<br>` is a backslash hard break, which Markdown honours only between two lines of one paragraph: a
 * break alone on its line (`<br><br>`, `<div><br></div>`) or ending a paragraph would show as a stray `\`.
 * Such breaks become paragraph ends.
 */
function withoutDanglingBreaks(markdown: string): string {
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    if (lines[index] === '\\') lines[index] = '';
  }
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const next = lines[index + 1];
    if (endsInBreak(line) && (next === undefined || next.trim() === '')) {
      lines[index] = line.slice(0, -1).trimEnd();
    }
  }
  return lines.join('\n');
}

/** HTML → one line of plain words (a card title): formatting dropped, line breaks as spaces, media as "[image: …]". */
export function htmlToPlainText(html: string, budget: HtmlBudget): string {
  const lines = htmlToMarkdown(html, budget)
    .split('\n')
    .map((line) => (endsInBreak(line) ? line.slice(0, -1) : line));
  return singleLine(
    textBlocksFromMarkdown(lines.join('\n'))
      .map((block) => block.text)
      .join(' '),
  );
}
