/**
 * Cloze deletions in a card body, Anki's syntax: `{{c1::answer}}` or `{{c1::answer::hint}}`, numbered c1,
 * c2, …; deletions may nest (`{{c1::Canberra is the {{c2::capital}}}}`), as Anki allows since 2.1.56. Each
 * number is studied as an item of its own: its front hides that number's deletions (showing the hint, or
 * "[…]"), shows the others' answers, and its back shows every answer with the hidden ones marked.
 *
 * One left-to-right pass with a stack of open deletions: linear in the body's length, whatever it holds.
 * Text that is not a well-formed deletion ("{{c::x}}", an unclosed "{{c1::") is kept as written.
 */

export type ClozeSegment =
  | { type: 'text'; text: string }
  | { type: 'cloze'; number: number; children: ClozeSegment[]; hint: string | null };

/** The largest deletion number read (Anki's own limit is far above what any card uses). */
export const MAX_CLOZE_NUMBER = 500;

interface Frame {
  number: number;
  /** Where the opening `{{cN::` began, to restore it as text if it never closes. */
  opening: string;
  children: ClozeSegment[];
}

function pushText(into: ClozeSegment[], text: string): void {
  if (text === '') return;
  const last = into[into.length - 1];
  if (last?.type === 'text') last.text += text;
  else into.push({ type: 'text', text });
}

/** The opening `{{cN::` at `index`, if there is one: its number and length. */
function openingAt(body: string, index: number): { number: number; length: number } | null {
  if (!body.startsWith('{{c', index)) return null;
  let end = index + 3;
  while (
    end < body.length &&
    end - index - 3 < 4 &&
    body.charCodeAt(end) >= 48 &&
    body.charCodeAt(end) <= 57
  ) {
    end++;
  }
  if (end === index + 3 || !body.startsWith('::', end)) return null;
  const number = Number(body.slice(index + 3, end));
  if (number < 1 || number > MAX_CLOZE_NUMBER) return null;
  return { number, length: end + 2 - index };
}

/** Splits a closed deletion's last text at its final top-level "::" into answer and hint. */
function splitHint(children: ClozeSegment[]): string | null {
  const last = children[children.length - 1];
  if (last?.type !== 'text') return null;
  const at = last.text.lastIndexOf('::');
  if (at < 0) return null;
  const hint = last.text.slice(at + 2);
  last.text = last.text.slice(0, at);
  if (last.text === '') children.pop();
  return hint.trim() === '' ? null : hint.trim();
}

export function parseCloze(body: string): ClozeSegment[] {
  const root: ClozeSegment[] = [];
  const stack: Frame[] = [];
  const current = () => stack[stack.length - 1]?.children ?? root;
  let text = '';
  let index = 0;
  while (index < body.length) {
    const opening = body.charCodeAt(index) === 123 /* { */ ? openingAt(body, index) : null;
    if (opening !== null) {
      pushText(current(), text);
      text = '';
      stack.push({
        number: opening.number,
        opening: body.slice(index, index + opening.length),
        children: [],
      });
      index += opening.length;
      continue;
    }
    if (stack.length > 0 && body.startsWith('}}', index)) {
      const frame = stack.pop()!;
      pushText(frame.children, text);
      text = '';
      const hint = splitHint(frame.children);
      current().push({ type: 'cloze', number: frame.number, children: frame.children, hint });
      index += 2;
      continue;
    }
    text += body[index];
    index++;
  }
  pushText(current(), text);
  // Unclosed openings: their text comes back as written, outermost first.
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const parent = current();
    pushText(parent, frame.opening);
    for (const child of frame.children) {
      if (child.type === 'text') pushText(parent, child.text);
      else parent.push(child);
    }
  }
  return root;
}

/** The deletion numbers a body uses, ascending, each once. */
export function clozeNumbers(body: string): number[] {
  if (!body.includes('{{c')) return [];
  const numbers = new Set<number>();
  const walk = (segments: readonly ClozeSegment[]) => {
    for (const segment of segments) {
      if (segment.type === 'cloze') {
        numbers.add(segment.number);
        walk(segment.children);
      }
    }
  };
  walk(parseCloze(body));
  return [...numbers].sort((a, b) => a - b);
}

export type ClozeSide = 'front' | 'back';

/**
 * The body as Markdown for one number's front or back. Front: that number's deletions become "[hint]" or
 * "[…]"; back: they are shown in bold. Other numbers' deletions show their answers as plain text.
 */
export function renderClozeSide(body: string, number: number, side: ClozeSide): string {
  const render = (segments: readonly ClozeSegment[]): string =>
    segments
      .map((segment) => {
        if (segment.type === 'text') return segment.text;
        const inner = render(segment.children);
        if (segment.number !== number) return inner;
        if (side === 'front') return `**[${segment.hint ?? '…'}]**`;
        return inner.trim() === '' ? inner : `**${inner}**`;
      })
      .join('');
  return render(parseCloze(body));
}

/** The answers of one number's deletions, as written, in order (what a self-test's gap asks for). */
export function clozeAnswers(body: string, number: number): string[] {
  const answers: string[] = [];
  const plain = (segments: readonly ClozeSegment[]): string =>
    segments.map((segment) => (segment.type === 'text' ? segment.text : plain(segment.children))).join('');
  const walk = (segments: readonly ClozeSegment[]) => {
    for (const segment of segments) {
      if (segment.type !== 'cloze') continue;
      if (segment.number === number) answers.push(plain(segment.children));
      else walk(segment.children);
    }
  };
  walk(parseCloze(body));
  return answers;
}

/** The body with every deletion replaced by its answer: what the card reads as on its set's page. */
export function clozePlainText(body: string): string {
  const plain = (segments: readonly ClozeSegment[]): string =>
    segments.map((segment) => (segment.type === 'text' ? segment.text : plain(segment.children))).join('');
  return plain(parseCloze(body));
}
