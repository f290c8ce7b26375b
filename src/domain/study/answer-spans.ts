/**
 * The answerable parts of facts: what a cloze may blank and what multiple-choice distractors are made of.
 *
 * - year: a single year from dates.ts (ranges and decades are left alone);
 * - number: a quantity with its magnitude or percent sign ("7,000,000", "10 million", "90%", "12"), never a
 *   year, a list number, a part of a formula ("6CO2", "2,8,1") or a lone 1 or 2;
 * - person, place, name: proper-noun runs ("Nikolayev", "Lavrenti Beria", "Red Army", "Society of Old
 *   Bolshevik"), kind told apart by evidence gathered over the whole set: organisation words, acronyms,
 *   plural groups and "the …" make a name; "in/at/from …" makes a place; the rest are people. A capitalised
 *   word opening a sentence is only a name when the set also capitalises it mid-sentence, more often than
 *   it writes it in lower case (so "Party" is not a name in the seed, "Stalin" is);
 * - term: the term a definition-shaped fact defines ("Osmosis is the …", "Nucleus - contains …").
 */
import { overlapsAny } from './interval-overlap.js';
import { choiceKey, normaliseNumbers } from './answer-text.js';
import type { Fact } from './card-text.js';
import { findDates, parseMonth } from './dates.js';

export type NameKind = 'person' | 'place' | 'name';
export type AnswerKind = 'year' | 'number' | NameKind | 'term';

export interface AnswerSpan {
  kind: AnswerKind;
  /** The answer exactly as written in the fact: fact.text.slice(start, end). */
  text: string;
  start: number;
  end: number;
  /** The year, or the number's value. */
  value: number | null;
  /** For numbers: how to find distractors of the same kind. */
  unit: 'percent' | 'money' | 'count' | null;
}

interface WordToken {
  start: number;
  end: number;
  /** The word without a possessive 's. */
  word: string;
  possessive: boolean;
}

// A letter, then groups that each end in a letter: no backtracking over a run of apostrophes or hyphens.
const WORD = /\p{L}(?:[\p{M}'’-]*\p{L})*/gu;

const SENTENCE_STOPWORDS = new Set(
  (
    'the a an this that these those in on at by for from to of and but or if when while after before during ' +
    'it he she they we you i his her their its our my your some many most all one no not only also even often ' +
    'other others another every each was were is are did do does how what why who where which there here as so ' +
    'such both either neither then than yet still just very much more less later earlier using used since until ' +
    'with without under over between against into within through about above below examples example first ' +
    'second third however although though because once now can could would should may might must will shall'
  ).split(' '),
);
const LOCATIVES = new Set(
  'in at from to into across throughout near around towards toward inside outside via through'.split(' '),
);
const CONNECTORS = new Set(['of', 'de', 'von', 'van', 'du', 'la']);
const ORG_WORDS = new Set(
  (
    'army navy party committee congress plan plans union trial trials society government assembly republic ' +
    'revolution revolutions treaty treaties station palace council league guards guard bank church court office ' +
    'ministry commission conference agreement pact act law decree constitution manifesto theses days sunday war ' +
    'crash putsch uprising affair prize school university institute academy company works metro canal dam cycle ' +
    'model theory realism front movement secretary centre center fleet police cheka soviet soviets empire ' +
    'kingdom state states nations programme program project crisis famine terror purge purges'
  ).split(' '),
);
const TITLES = new Set(
  (
    'tsar tsarina kaiser king queen prince princess general admiral marshal president chancellor minister ' +
    'secretary commissar lord sir dr mr mrs ms pope emperor empress duke head chairman premier'
  ).split(' '),
);
const GROUP_ADJECTIVES = new Set(
  'soviet bolshevik communist nazi socialist tsarist red white fascist marxist liberal conservative'.split(
    ' ',
  ),
);
const DAY_NAMES = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
const GENERIC_TERMS = new Set(
  (
    'example examples e.g eg units unit note notes summary word equation balanced equation required practical ' +
    'aim aims key point points definition formula'
  ).split(' '),
);

/** "Marx-" → "Marx" (left by a possessive: "Marx-'s"); a loop, as a regex over the run would rescan it. */
function withoutTrailingMarks(word: string): string {
  let end = word.length;
  while (end > 0 && "'’-".includes(word.charAt(end - 1))) end--;
  return word.slice(0, end);
}

function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const possessive = m[0].length > 2 && /['’]s$/.test(m[0]);
    const word = withoutTrailingMarks(possessive ? m[0].slice(0, -2) : m[0]);
    tokens.push({ start: m.index, end: m.index + word.length, word, possessive });
  }
  return tokens;
}

const isCapitalised = (word: string) => {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
};
const isAcronym = (word: string) => /^\p{Lu}{2,}$/u.test(word);

function sentenceInitial(text: string, token: WordToken): boolean {
  // Only a few characters before the word matter (this runs for every word: keep it constant-time).
  if (token.start <= 24 && /^[\s\d\-–—:,.()]*$/.test(text.slice(0, token.start))) return true; // "1937 - "
  return /[.!?:;"“(]\s*$/.test(text.slice(Math.max(0, token.start - 8), token.start));
}

interface WordStats {
  midCapitalised: Map<string, number>;
  lowerCase: Map<string, number>;
}

function gatherWordStats(facts: readonly Fact[]): WordStats {
  const midCapitalised = new Map<string, number>();
  const lowerCase = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const fact of facts) {
    for (const token of tokenize(fact.text)) {
      const key = token.word.toLowerCase();
      if (!isCapitalised(token.word)) bump(lowerCase, key);
      else if (!sentenceInitial(fact.text, token)) bump(midCapitalised, key);
    }
  }
  return { midCapitalised, lowerCase };
}

interface NameRun {
  start: number;
  end: number;
  words: string[];
  previousWord: string | null;
  nextWord: string | null;
}

function isNameWord(word: string, stats: WordStats): boolean {
  const key = word.toLowerCase();
  if (SENTENCE_STOPWORDS.has(key) || parseMonth(word) !== null || DAY_NAMES.has(key)) return false;
  if (isAcronym(word)) return true;
  const mid = stats.midCapitalised.get(key) ?? 0;
  return mid > 0 && (stats.lowerCase.get(key) ?? 0) <= mid;
}

function findNameRuns(
  fact: Fact,
  stats: WordStats,
  excluded: (start: number, end: number) => boolean,
): NameRun[] {
  const text = fact.text;
  const tokens = tokenize(text);
  const runs: NameRun[] = [];
  const adjacent = (a: WordToken, b: WordToken) => {
    const gap = text.slice(a.end + (a.possessive ? 2 : 0), b.start);
    return /^\s+$/.test(gap) || (a.word.length === 1 && /^\.\s*$/.test(gap));
  };
  const usable = (t: WordToken) =>
    isCapitalised(t.word) && !excluded(t.start, t.end) && parseMonth(t.word) === null && t.word !== 'I';

  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    if (!usable(first)) {
      i++;
      continue;
    }
    const initial = sentenceInitial(text, first);
    const parts: WordToken[] = [first];
    let j = i + 1;
    while (j < tokens.length) {
      const last = parts[parts.length - 1]!;
      if (last.possessive) break;
      const next = tokens[j]!;
      if (usable(next) && adjacent(last, next)) {
        parts.push(next);
        j++;
        continue;
      }
      // "Society of Old Bolsheviks", "Head of the Red Army": join through "of (the)" to a capitalised run,
      // but not to an adjective ("Admiral of the Soviet fleet").
      if (CONNECTORS.has(next.word) && adjacent(last, next)) {
        let k = j + 1;
        if (tokens[k]?.word === 'the' && adjacent(next, tokens[k]!)) k++;
        const after = tokens[k];
        const afterNext = tokens[k + 1];
        const adjectiveOnly =
          after !== undefined &&
          GROUP_ADJECTIVES.has(after.word.toLowerCase()) &&
          (afterNext === undefined || !isCapitalised(afterNext.word));
        if (after !== undefined && usable(after) && adjacent(tokens[k - 1]!, after) && !adjectiveOnly) {
          parts.push(...tokens.slice(j, k + 1));
          j = k + 1;
          continue;
        }
      }
      break;
    }
    const capitalisedCount = parts.filter((p) => isCapitalised(p.word)).length;
    let accepted = parts;
    if (capitalisedCount === 1) {
      if (!isNameWord(first.word, stats)) accepted = [];
    } else if (initial && SENTENCE_STOPWORDS.has(first.word.toLowerCase())) {
      // "The Red Army": drop the opening stopword and keep the rest if it still stands as a name.
      const rest = parts.slice(1);
      accepted = rest.length > 1 || (rest[0] !== undefined && isNameWord(rest[0].word, stats)) ? rest : [];
    }
    const head = accepted[0];
    const tail = accepted[accepted.length - 1];
    if (head !== undefined && tail !== undefined && accepted.length <= 6) {
      const headIndex = i + parts.indexOf(head);
      const before = tokens[headIndex - 1];
      const after = tokens[headIndex + accepted.length];
      runs.push({
        start: head.start,
        end: tail.end,
        words: accepted.map((p) => p.word),
        previousWord:
          before !== undefined && /^\s+$/.test(text.slice(before.end, head.start))
            ? before.word.toLowerCase()
            : null,
        nextWord: after !== undefined && /^\s+$/.test(text.slice(tail.end, after.start)) ? after.word : null,
      });
    }
    i = j;
  }
  return runs;
}

interface NameEvidence {
  the: number;
  locative: number;
  adjective: number;
  occurrences: number;
}

function classifyName(words: readonly string[], evidence: NameEvidence): NameKind {
  const lower = words.map((w) => w.toLowerCase());
  const capitalised = words.filter(isCapitalised);
  const second = lower[1];
  if (
    capitalised.length >= 2 &&
    TITLES.has(lower[0]!) &&
    second !== undefined &&
    !CONNECTORS.has(second) &&
    !TITLES.has(second) &&
    !ORG_WORDS.has(second)
  ) {
    return 'person'; // General Kornilov, Prince Lvov, Kaiser Wilhelm II
  }
  if (lower.some((w) => ORG_WORDS.has(w) || TITLES.has(w))) return 'name';
  if (words.length === 1) {
    const word = words[0]!;
    if (isAcronym(word) || /ism$/i.test(word) || GROUP_ADJECTIVES.has(lower[0]!)) return 'name';
    if (/\p{Ll}s$/u.test(word) && word.length > 4) return 'name'; // Bolsheviks, Communists, Kulaks
    if (evidence.adjective > 0 && /(?:an|ese|ish|ic|i)$/.test(lower[0]!)) return 'name'; // German army
  }
  if (evidence.locative > 0 && evidence.the === 0) return 'place';
  // Weak evidence, for one-word names seen without a preposition: Ukraine, Siberia, Finland, Petrograd.
  if (
    words.length === 1 &&
    evidence.the === 0 &&
    lower[0]!.length >= 6 &&
    /(?:land|stan|burg|grad|ia|ine|sk)$/.test(lower[0]!)
  )
    return 'place';
  if (evidence.the > 0) return 'name';
  return 'person';
}

const NUMBER =
  /(?<![\p{L}\p{N}.,/\-+=×÷^])([£$€])?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*(?:%|per cent|percent))?(\s+(?:thousand|million|billion))?(?![\p{L}\p{N}]|[.,]\d|\s*[-–/→=+×÷]\s*\d|\+)/gu;

/** What follows a list number ("1930 - 1 - A …"), matched where the number ends. */
const LIST_NUMBER_AFTER = /\s*[-–—.)]\s/y;

function numberSpans(text: string, excluded: (start: number, end: number) => boolean): AnswerSpan[] {
  const spans: AnswerSpan[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m !== null; m = NUMBER.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (excluded(start, end)) continue;
    const currency = m[1] !== undefined;
    const percent = m[3] !== undefined;
    const magnitude = m[4] !== undefined;
    const value = Number(normaliseNumbers(m[0].replace(/[£$€%]|per cent|percent/g, '').trim()));
    if (!Number.isFinite(value)) continue;
    if (!currency && !percent && !magnitude && value < 3) continue;
    // "1930 - 1 - A …": a list number after a leading date.
    LIST_NUMBER_AFTER.lastIndex = end;
    if (LIST_NUMBER_AFTER.test(text) && value < 100 && !percent) continue;
    spans.push({
      kind: 'number',
      text: m[0],
      start,
      end,
      value,
      unit: percent ? 'percent' : currency ? 'money' : 'count',
    });
  }
  return spans;
}

const DEFINITION = /^(\p{L}[\p{L}'’ -]{1,40}?)\s+(?:[-–—:]\s+|(?:is|are)\s+(?:the|a|an)\s+)(?=\S)/u;

function termSpan(fact: Fact): AnswerSpan | null {
  const m = DEFINITION.exec(fact.text);
  if (m === null) return null;
  const term = m[1]!.trim();
  const words = term.split(/\s+/);
  const key = term.toLowerCase();
  if (words.length > 4 || term.length < 3 || GENERIC_TERMS.has(key)) return null;
  if (SENTENCE_STOPWORDS.has(words[0]!.toLowerCase()) || /\d/.test(term)) return null;
  return { kind: 'term', text: term, start: 0, end: term.length, value: null, unit: null };
}

/**
 * The answer spans of every fact of a set (headings excluded), computed together because whether a word
 * is a name, and what kind, depends on the whole set.
 */
export function extractAnswerSpans(facts: readonly Fact[]): Map<Fact, AnswerSpan[]> {
  const content = facts.filter((fact) => fact.kind !== 'heading');
  const stats = gatherWordStats(content);
  const evidence = new Map<string, NameEvidence>();
  const runsByFact = new Map<Fact, NameRun[]>();
  const datesByFact = new Map<Fact, ReturnType<typeof findDates>>();

  for (const fact of content) {
    const dates = findDates(fact.text);
    datesByFact.set(fact, dates);
    const runs = findNameRuns(fact, stats, overlapsAny(dates));
    runsByFact.set(fact, runs);
    for (const run of runs) {
      const key = choiceKey(run.words.join(' '));
      const e = evidence.get(key) ?? { the: 0, locative: 0, adjective: 0, occurrences: 0 };
      e.occurrences++;
      if (run.previousWord === 'the') e.the++;
      if (run.previousWord !== null && LOCATIVES.has(run.previousWord)) e.locative++;
      if (run.nextWord !== null && !isCapitalised(run.nextWord)) e.adjective++;
      evidence.set(key, e);
    }
  }

  const result = new Map<Fact, AnswerSpan[]>();
  for (const fact of content) {
    const dates = datesByFact.get(fact)!;
    const spans: AnswerSpan[] = [];
    for (const date of dates) {
      if (date.kind === 'range' || date.kind === 'decade') continue;
      const start = date.end - 4;
      spans.push({
        kind: 'year',
        text: fact.text.slice(start, date.end),
        start,
        end: date.end,
        value: date.year,
        unit: null,
      });
    }
    for (const run of runsByFact.get(fact)!) {
      const e = evidence.get(choiceKey(run.words.join(' ')))!;
      spans.push({
        kind: classifyName(run.words, e),
        text: fact.text.slice(run.start, run.end),
        start: run.start,
        end: run.end,
        value: null,
        unit: null,
      });
    }
    spans.push(...numberSpans(fact.text, overlapsAny([...dates, ...spans])));
    const term = termSpan(fact);
    if (term !== null && !spans.some((s) => s.start < term.end && term.start < s.end)) spans.push(term);
    spans.sort((a, b) => a.start - b.start);
    result.set(fact, spans);
  }
  return result;
}
