/**
 * Cloze deletions in a card body, Anki's syntax: `{{c1::answer}}` or `{{c1::answer::hint}}`, numbered c1,
 * c2, …; deletions may nest (`{{c1::Canberra is the {{c2::capital}}}}`), as Anki allows since 2.1.56. Each
 * number is studied as an item of its own: its front hides that number's deletions (showing the hint, or
 * "[…]"), shows the others' answers, and its back shows every answer with the hidden ones marked.
 *
 * Read in one left-to-right pass with a stack of open deletions (clozeMatches): linear in the body's length,
 * whatever it holds; the Markdown renderer reads deletions with the same pass.
 * Text that is not a well-formed deletion ("{{c::x}}", an unclosed "{{c1::") is kept as written.
 */

export type ClozeSegment =
  | { type: 'text'; text: string }
  | { type: 'cloze'; number: number; children: ClozeSegment[]; hint: string | null };

/** The largest deletion number read (Anki's own limit is far above what any card uses). */
export const MAX_CLOZE_NUMBER = 500;

/** One well-formed deletion, by offsets into the text it was found in. */
export interface ClozeMatch {
  number: number;
  /** Where its `{{cN::` begins. */
  start: number;
  /** The answer: [answerStart, answerEnd), which may hold nested deletions. */
  answerStart: number;
  answerEnd: number;
  /** The text after the answer's last top-level "::", trimmed; null when there is none or it is blank. */
  hint: string | null;
  /** Just after its closing `}}`. */
  end: number;
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

interface Open {
  number: number;
  start: number;
  answerStart: number;
  /** The last "::" seen since the answer began or since its last nested deletion closed. */
  lastColons: number;
}

/**
 * Every well-formed deletion in `text`, by where it starts. One left-to-right pass with a stack of open
 * deletions: a `}}` closes the innermost; an opening never closed is not a deletion (its text stays text).
 */
export function clozeMatches(text: string): Map<number, ClozeMatch> {
  const matches = new Map<number, ClozeMatch>();
  if (!text.includes('{{c')) return matches;
  const stack: Open[] = [];
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 123 /* { */) {
      const opening = openingAt(text, index);
      if (opening !== null) {
        const answerStart = index + opening.length;
        stack.push({ number: opening.number, start: index, answerStart, lastColons: -1 });
        index = answerStart;
        continue;
      }
    }
    const top = stack[stack.length - 1];
    if (top !== undefined && code === 125 /* } */ && text.charCodeAt(index + 1) === 125) {
      stack.pop();
      const split = top.lastColons;
      const hint = split < 0 ? '' : text.slice(split + 2, index).trim();
      matches.set(top.start, {
        number: top.number,
        start: top.start,
        answerStart: top.answerStart,
        answerEnd: split < 0 ? index : split,
        hint: hint === '' ? null : hint,
        end: index + 2,
      });
      const parent = stack[stack.length - 1];
      if (parent !== undefined) parent.lastColons = -1;
      index += 2;
      continue;
    }
    // One step at a time, so that in ":::" the last "::" is the one that counts (as lastIndexOf finds it).
    if (top !== undefined && code === 58 /* : */ && text.charCodeAt(index + 1) === 58) top.lastColons = index;
    index++;
  }
  return matches;
}

function pushText(into: ClozeSegment[], text: string): void {
  if (text === '') return;
  const last = into[into.length - 1];
  if (last?.type === 'text') last.text += text;
  else into.push({ type: 'text', text });
}

export function parseCloze(body: string): ClozeSegment[] {
  const matches = clozeMatches(body);
  if (matches.size === 0) return body === '' ? [] : [{ type: 'text', text: body }];
  // Deletions nest properly, so each character is read once, by the innermost range holding it.
  const build = (from: number, to: number): ClozeSegment[] => {
    const segments: ClozeSegment[] = [];
    let textStart = from;
    let index = from;
    while (index < to) {
      const match = body.charCodeAt(index) === 123 ? matches.get(index) : undefined;
      if (match === undefined || match.end > to) {
        index++;
        continue;
      }
      pushText(segments, body.slice(textStart, index));
      segments.push({
        type: 'cloze',
        number: match.number,
        children: build(match.answerStart, match.answerEnd),
        hint: match.hint,
      });
      index = match.end;
      textStart = index;
    }
    pushText(segments, body.slice(textStart, to));
    return segments;
  };
  return build(0, body.length);
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

/**
 * The body with number `number`'s deletions replaced by what `gap` makes of each (given its hint and its
 * index among them, from 0, in the order clozeAnswers lists them), and every other deletion by its answer.
 */
export function fillClozeGaps(
  body: string,
  number: number,
  gap: (hint: string | null, occurrence: number) => string,
): string {
  let occurrence = 0;
  const render = (segments: readonly ClozeSegment[]): string =>
    segments
      .map((segment) => {
        if (segment.type === 'text') return segment.text;
        if (segment.number === number) return gap(segment.hint, occurrence++);
        return render(segment.children);
      })
      .join('');
  return render(parseCloze(body));
}

const clozePlainTextOf = (segments: readonly ClozeSegment[]): string =>
  segments
    .map((segment) => (segment.type === 'text' ? segment.text : clozePlainTextOf(segment.children)))
    .join('');

/** The answers of one number's deletions, as written, in order (what a self-test's gap asks for). */
export function clozeAnswers(body: string, number: number): string[] {
  const answers: string[] = [];
  const walk = (segments: readonly ClozeSegment[]) => {
    for (const segment of segments) {
      if (segment.type !== 'cloze') continue;
      if (segment.number === number) answers.push(clozePlainTextOf(segment.children));
      else walk(segment.children);
    }
  };
  walk(parseCloze(body));
  return answers;
}

/** The body with every deletion replaced by its answer: what the card reads as on its set's page. */
export function clozePlainText(body: string): string {
  return clozePlainTextOf(parseCloze(body));
}

/** What a card reads as: a cloze card's body with its deletions replaced by their answers, else the body. */
export const readableBody = (card: { kind?: string | undefined; body: string }): string =>
  card.kind === 'cloze' ? clozePlainText(card.body) : card.body;

/** The card with its readable body: what timelines, facts and questions read. */
export const readableCard = <C extends { kind?: string | undefined; body: string }>(card: C): C =>
  card.kind === 'cloze' ? { ...card, body: clozePlainText(card.body) } : card;

/** Most deletion numbers one card may use: each is a card to study. */
export const MAX_CLOZE_NUMBERS_PER_CARD = 100;

/** `{{c` followed by digits and "::": what an author meant as a deletion's opening. */
const MEANT_OPENING = /\{\{c(\d{1,9})::/g;

const excerpt = (text: string) => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

/**
 * What is wrong with a cloze card's body, as sentences for the person who wrote it: no deletion at all, an
 * opening never closed, a number out of range, an empty answer, a deletion running over a blank line
 * (Markdown would split it into two paragraphs), too many numbers. Empty when the body is a good cloze card.
 */
export function clozeProblems(body: string): string[] {
  const problems: string[] = [];
  const segments = parseCloze(body);
  const numbers = new Set<number>();
  const walk = (list: readonly ClozeSegment[]) => {
    for (const segment of list) {
      if (segment.type === 'text') {
        for (const match of segment.text.matchAll(MEANT_OPENING)) {
          const number = Number(match[1]);
          problems.push(
            match[1]!.length <= 4 && number >= 1 && number <= MAX_CLOZE_NUMBER
              ? `The deletion “${excerpt(segment.text.slice(match.index))}” is never closed: end it with }}.`
              : `Deletion numbers run from c1 to c${MAX_CLOZE_NUMBER}; “${match[0]}” is not one.`,
          );
        }
        continue;
      }
      numbers.add(segment.number);
      const answer = clozePlainTextOf(segment.children);
      if (answer.trim() === '') problems.push(`Deletion c${segment.number} has no answer.`);
      if (/\n[ \t]*\n/.test(answer)) {
        problems.push(
          `Deletion c${segment.number} (“${excerpt(answer.trim())}”) runs over a blank line: close it within its paragraph.`,
        );
      }
      walk(segment.children);
    }
  };
  walk(segments);
  if (numbers.size === 0 && problems.length === 0) {
    problems.push(
      'A cloze card needs at least one deletion, written {{c1::answer}} or {{c1::answer::hint}}.',
    );
  }
  if (numbers.size > MAX_CLOZE_NUMBERS_PER_CARD) {
    problems.push(
      `At most ${MAX_CLOZE_NUMBERS_PER_CARD} deletion numbers per card (this has ${numbers.size}); split the card.`,
    );
  }
  return problems;
}
