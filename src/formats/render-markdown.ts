/**
 * Card bodies are Markdown: rendered with raw HTML off, images off, and links only to http(s) and mailto.
 * A cloze card's deletions (`{{c1::answer::hint}}`, read by src/domain/study/cloze.ts) are rendered by a
 * small inline rule when a cloze view is asked for: marked answers on the set page, a gap or the revealed
 * answer when studying one deletion. Without a view, braces are plain text, as in any other card.
 */
import type { Env, StateInline } from 'markdown-it';
import { createMarkdown } from '../domain/markdown.js';
import { clozeMatches, type ClozeMatch } from '../domain/study/cloze.js';

/**
 * How to show a cloze card's deletions: `all` marks every answer (reading the card); a number hides that
 * deletion behind a gap showing its hint (`front`) or marks its answer (`back`), other deletions reading
 * as plain text; `gaps` hides every deletion behind its gap (a flashcard's front).
 */
export type ClozeView = 'all' | 'gaps' | { number: number; side: 'front' | 'back' };

type RenderEnv = Env & { cloze?: ClozeView };

const markdown = createMarkdown({ images: false });

// A card's body sits under the card's <h3>: its headings start at <h4>.
markdown.renderer.rules.heading_open = (tokens, index, options, _env, self) => {
  const token = tokens[index]!;
  const level = Number(token.tag.slice(1));
  token.tag = `h${Math.min(6, Math.max(4, level + 1))}`;
  return self.renderToken(tokens, index, options);
};
markdown.renderer.rules.heading_close = (tokens, index, options, _env, self) => {
  const token = tokens[index]!;
  token.tag = `h${Math.min(6, Math.max(4, Number(token.tag.slice(1)) + 1))}`;
  return self.renderToken(tokens, index, options);
};
markdown.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  tokens[index]!.attrSet('rel', 'nofollow ugc noopener noreferrer');
  return self.renderToken(tokens, index, options);
};

/** The deletions of one inline run, found once (nested tokenizing reuses the same state). */
const matchesByState = new WeakMap<StateInline, Map<number, ClozeMatch>>();

function cloze(state: StateInline, silent: boolean): boolean {
  const view = (state.env as RenderEnv | undefined)?.cloze;
  if (view === undefined || state.src.charCodeAt(state.pos) !== 0x7b /* { */) return false;
  let matches = matchesByState.get(state);
  if (matches === undefined) {
    matches = clozeMatches(state.src);
    matchesByState.set(state, matches);
  }
  const match = matches.get(state.pos);
  if (match === undefined || match.end > state.posMax) return false;
  if (!silent) {
    const hidden = view === 'gaps' || (view !== 'all' && view.number === match.number);
    if (hidden && (view === 'gaps' || view.side === 'front')) {
      const gap = state.push('cloze_gap', 'span', 0);
      gap.meta = { number: match.number, hint: match.hint };
    } else {
      const marked = view === 'all' || hidden;
      if (marked) {
        const open = state.push('cloze_open', 'mark', 1);
        open.attrSet('class', hidden ? 'cloze cloze-answer' : 'cloze');
        open.attrSet('data-cloze', String(match.number));
        if (view === 'all' && match.hint !== null) open.attrSet('title', `Hint: ${match.hint}`);
      }
      const { pos, posMax } = state;
      state.pos = match.answerStart;
      state.posMax = match.answerEnd;
      state.md.inline.tokenize(state);
      state.pos = pos;
      state.posMax = posMax;
      if (marked) state.push('cloze_close', 'mark', -1);
    }
  }
  state.pos = match.end;
  return true;
}

markdown.inline.ruler.before('emphasis', 'cloze', cloze);
markdown.renderer.rules.cloze_gap = (tokens, index) => {
  const { number, hint } = tokens[index]!.meta as { number: number; hint: string | null };
  const escape = markdown.utils.escapeHtml;
  const shown = hint === null ? '[…]' : `[${escape(hint)}]`;
  const spoken = hint === null ? 'blank' : `blank, hint: ${escape(hint)}`;
  return `<span class="cloze cloze-gap" data-cloze="${number}"><span class="visually-hidden">${spoken}</span><span aria-hidden="true">${shown}</span></span>`;
};

export function renderMarkdown(source: string, options: { cloze?: ClozeView | undefined } = {}): string {
  const env: RenderEnv = options.cloze === undefined ? {} : { cloze: options.cloze };
  return markdown.render(source, env);
}

/** A cloze card's body with every deletion behind its gap: the front of its flashcard. */
export const renderClozeFront = (body: string): string => renderMarkdown(body, { cloze: 'gaps' });

/** A card's body as its set's page shows it: a cloze card with every answer marked. */
export const renderCardBody = (card: { kind: string; body: string }): string =>
  renderMarkdown(card.body, card.kind === 'cloze' ? { cloze: 'all' } : {});
