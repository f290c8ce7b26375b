/**
 * Dated events extracted from a set's cards, and the "put these in order" exercise made from them.
 *
 * One event per fact (bullet or paragraph; sub-headings and card titles are labels, not events):
 * - a fact that STARTS with a date ("1934 - Dec 1st, Kirov assassinated…") is dated by it, with a month and
 *   day read right after the year ("Dec 1st,"), and a bare list number after it dropped ("1930 - 1 - A first
 *   purges…": year 1930, not 1930–31 and not day 1); the event's text is the fact without that prefix;
 * - any other fact is dated by the first date of the clause that names the event, its main clause: a date in
 *   brackets is an aside, and a leading clause such as "Six years after NATO (1949)," or "After the war
 *   ended in 1945," dates something else ("…, the Warsaw Pact was formed in 1955" is 1955); with no
 *   other date, the first one ("from 1928 to 1938", "in March 1939"). Its text is the whole fact.
 * Decades ("the 1930s") are not events: they are too vague to order against the years around them.
 * Events are sorted by (start year, month, day, card position, position in card); an unknown month or
 * day sorts before a known one, as "1934" comes before "1 December 1934".
 */
import { contentId } from './content-hash.js';
import { cardFacts, type Fact, type StudyCard } from './card-text.js';
import { findDates, formatDate, parseLeadingMonthDay, type DateMention } from './dates.js';
import type { Random } from './random.js';
import { splitSentences, wordCount } from './sentences.js';

export interface TimelineEvent {
  id: string;
  year: number;
  month: number | null;
  day: number | null;
  /** The last year of a range ("1930 -32" → 1932); null for a single date. */
  endYear: number | null;
  /** "1 December 1934", "March 1939", "1930–1932", "1941". */
  dateLabel: string;
  /** What happened: the fact without its leading date. */
  text: string;
  /** The whole fact, as on the card. */
  fact: string;
  cardPosition: number;
  factIndex: number;
}

const LEADING_SEPARATOR = /^\s*(?:[-–—:,]\s*|(?<=\s)(?=\p{Lu}))/u;
const LIST_NUMBER = /^\d{1,2}\s*[-–—.)]\s+/;

export function eventFromFact(fact: Fact): TimelineEvent | null {
  if (fact.kind === 'heading') return null;
  const mentions = findDates(fact.text).filter((m) => m.kind !== 'decade');
  const first = eventDate(fact.text, mentions);
  if (first === undefined) return null;

  let date: Pick<TimelineEvent, 'year' | 'month' | 'day' | 'endYear'> = first;
  let text = fact.text;
  const separator = first.start === 0 ? LEADING_SEPARATOR.exec(fact.text.slice(first.end)) : null;
  if (separator !== null) {
    let rest = fact.text.slice(first.end + separator[0].length);
    if (first.kind === 'year') {
      rest = rest.replace(LIST_NUMBER, '');
      const monthDay = parseLeadingMonthDay(rest);
      if (monthDay !== null) {
        date = { ...first, month: monthDay.month, day: monthDay.day };
        rest = rest.slice(monthDay.length);
      }
    }
    if (rest.trim() !== '') text = rest.trim();
  }
  const dateLabel = formatDate(date);
  return {
    id: contentId(['event', String(fact.cardPosition), String(fact.index), dateLabel, text]),
    year: date.year,
    month: date.month,
    day: date.day,
    endYear: date.endYear,
    dateLabel,
    text,
    fact: fact.text,
    cardPosition: fact.cardPosition,
    factIndex: fact.index,
  };
}

// A sentence opening with a clause that places the event against another one: "Six years after NATO
// (1949), …", "After the war ended in 1945, …", "Following the 1905 revolution, …". Up to its first comma.
const LEADING_RELATIVE_CLAUSE =
  /^(?:[\w'’-]+\s){0,4}?(?:after|before|since|following|until|till|unlike|like|prior to|preceding|compared with)\s[^,.;:!?]*,/i;

/** The mention that dates the event (see the module comment); undefined when there is none. */
function eventDate(text: string, mentions: readonly DateMention[]): DateMention | undefined {
  const first = mentions[0];
  if (first === undefined || first.start === 0 || mentions.length === 1) return first;
  // Bracket depth at each mention, in one pass over the text.
  const bracketed = new Set<DateMention>();
  let depth = 0;
  let at = 0;
  for (const mention of mentions) {
    for (; at < mention.start; at++) {
      const c = text.charAt(at);
      if (c === '(' || c === '[') depth++;
      else if ((c === ')' || c === ']') && depth > 0) depth--;
    }
    if (depth > 0) bracketed.add(mention);
  }
  const clause = LEADING_RELATIVE_CLAUSE.exec(text);
  const subordinateEnd = clause === null ? 0 : clause[0].length;
  return (
    mentions.find((m) => !bracketed.has(m) && m.start >= subordinateEnd) ??
    mentions.find((m) => !bracketed.has(m)) ??
    first
  );
}

export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return (
    a.year - b.year ||
    (a.month ?? 0) - (b.month ?? 0) ||
    (a.day ?? 0) - (b.day ?? 0) ||
    a.cardPosition - b.cardPosition ||
    a.factIndex - b.factIndex
  );
}

export function timelineFromFacts(facts: readonly Fact[]): TimelineEvent[] {
  return facts
    .map(eventFromFact)
    .filter((event): event is TimelineEvent => event !== null)
    .sort(compareEvents);
}

export function extractTimeline(cards: readonly StudyCard[]): TimelineEvent[] {
  return timelineFromFacts(cards.flatMap((card) => cardFacts(card)));
}

// What may dangle at either end of a piece cut out around a date: punctuation, and small words that only
// made sense with the date ("in", "from … to", "the"). Trimmed by scanning from each end, one character
// or word at a time (a regular expression anchored at the end would rescan a long run from every start).
const DANGLING_START_MARKS = new Set(' \t\n,;:.!?\'"‘’“”()-'.split(''));
const DANGLING_END_MARKS = new Set(' \t\n,;:\'"‘’“”(-'.split(''));
const DANGLING_START_WORDS = new Set(
  'in on at from to by of during since until till between and or but when while as'.split(' '),
);
const DANGLING_END_WORDS = new Set([...DANGLING_START_WORDS, 'the', 'a', 'an', 'around', 'about', 'c']);
const isWordCharacter = (c: string) => /\w/.test(c);
const isMark = (marks: ReadonlySet<string>, c: string) => marks.has(c) || (c !== '' && /\s/.test(c));

function trimDangling(text: string): string {
  let start = 0;
  let end = text.length;
  for (;;) {
    while (start < end && isMark(DANGLING_START_MARKS, text.charAt(start))) start++;
    let wordEnd = start;
    while (wordEnd < end && isWordCharacter(text.charAt(wordEnd))) wordEnd++;
    if (wordEnd === start || !DANGLING_START_WORDS.has(text.slice(start, wordEnd).toLowerCase())) break;
    start = wordEnd;
  }
  for (;;) {
    while (end > start && isMark(DANGLING_END_MARKS, text.charAt(end - 1))) end--;
    let wordStart = end;
    while (wordStart > start && isWordCharacter(text.charAt(wordStart - 1))) wordStart--;
    const bounded = wordStart === 0 || !isWordCharacter(text.charAt(wordStart - 1));
    if (wordStart === end || !bounded || !DANGLING_END_WORDS.has(text.slice(wordStart, end).toLowerCase())) {
      break;
    }
    end = wordStart;
  }
  return text.slice(start, end);
}

const PRONOUN_START = /^(?:it|its|they|them|their|he|she|his|her|which|who)\b/i;

/**
 * The event's text with no date in it, for exercises where the date is the answer: the part of the dated
 * sentence around its date (at least 4 words, not opening with a pronoun), else the longest run of
 * sentences without a date. Always a verbatim piece of the card. Null when nothing usable is left.
 */
export function undatedText(event: TimelineEvent): string | null {
  const mentions = findDates(event.text);
  if (mentions.length === 0) return event.text;
  const sentences = splitSentences(event.text);
  const dated = (s: { start: number; end: number }) =>
    mentions.some((m) => m.start < s.end && m.end > s.start);

  const firstDated = sentences.find(dated);
  if (firstDated !== undefined) {
    const inside = mentions.filter((m) => m.start < firstDated.end && m.end > firstDated.start);
    const pieces = piecesBetween(event.text, firstDated, inside);
    const best = pieces.sort((a, b) => wordCount(b) - wordCount(a))[0];
    // "it stood no chance…" says nothing on its own: then the sentences around it are the better clue.
    if (best !== undefined && wordCount(best) >= 4 && !PRONOUN_START.test(best)) return best;
  }

  let bestRun: string | null = null;
  let runStart: number | null = null;
  let runEnd = 0;
  const closeRun = () => {
    if (runStart === null) return;
    const run = event.text.slice(runStart, runEnd);
    if (wordCount(run) >= 4 && (bestRun === null || wordCount(run) > wordCount(bestRun))) bestRun = run;
    runStart = null;
  };
  for (const sentence of sentences) {
    if (dated(sentence)) {
      closeRun();
      continue;
    }
    runStart ??= sentence.start;
    runEnd = sentence.end;
  }
  closeRun();
  return bestRun;
}

function piecesBetween(
  text: string,
  sentence: { start: number; end: number },
  mentions: readonly DateMention[],
): string[] {
  const pieces: string[] = [];
  let from = sentence.start;
  for (const m of mentions) {
    pieces.push(text.slice(from, Math.max(from, m.start)));
    from = Math.max(from, m.end);
  }
  pieces.push(text.slice(from, sentence.end));
  return pieces.map(trimDangling).filter((piece) => piece !== '');
}

export interface OrderingItem {
  event: TimelineEvent;
  /** What the learner sees: the event without its date (see undatedText). */
  clue: string;
}

export interface OrderingExercise {
  /** The items in the order shown (shuffled, never already in order). */
  shown: OrderingItem[];
  /** The same items, earliest first. */
  answer: OrderingItem[];
}

/** The events that can be put in order: those with a clue left once the date is hidden. */
export function orderingItems(events: readonly TimelineEvent[]): OrderingItem[] {
  const items: OrderingItem[] = [];
  for (const event of events) {
    const clue = undatedText(event);
    if (clue !== null) items.push({ event, clue });
  }
  return items;
}

/**
 * Picks up to `count` events whose dates cannot be confused (their year spans do not overlap, so
 * "1934" and "1 December 1934" never appear together), shuffled with the seeded generator.
 * Null when fewer than 2 such events exist.
 */
export function orderingExercise(
  events: readonly TimelineEvent[],
  options: { count: number; random: Random },
): OrderingExercise | null {
  return pickOrdering(orderingItems(events), options);
}

/** orderingExercise over items prepared once with orderingItems. */
export function pickOrdering(
  items: readonly OrderingItem[],
  options: { count: number; random: Random },
): OrderingExercise | null {
  const picked: OrderingItem[] = [];
  const seenClues = new Set<string>();
  for (const item of options.random.shuffle(items)) {
    if (picked.length >= options.count) break;
    const clash = picked.some(
      (other) =>
        item.event.year <= (other.event.endYear ?? other.event.year) &&
        other.event.year <= (item.event.endYear ?? item.event.year),
    );
    if (clash || seenClues.has(item.clue)) continue;
    seenClues.add(item.clue);
    picked.push(item);
  }
  if (picked.length < 2) return null;
  const answer = [...picked].sort((a, b) => compareEvents(a.event, b.event));
  let shown = options.random.shuffle(picked);
  if (shown.every((item, i) => item === answer[i])) shown = [...shown.slice(1), shown[0]!];
  return { shown, answer };
}
