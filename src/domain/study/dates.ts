/**
 * Finds dates in a fact's text: years (1000–2100), month and year ("March 1939"), day, month and year
 * ("1 December 1934", "Dec 1st, 1934"), year ranges ("1928 to 1938", "1936 - 1938", "1930 -32", "1925-7")
 * and decades ("1930s", reported as such so that callers can skip them).
 *
 * What is NOT a year: numbers with thousands separators or decimals (800,000; 35.4), percentages (90%),
 * numbers followed by a unit or a counted noun ("1000 micrometres", "2000 people"), numbers glued to
 * letters or symbols (x2000, 1/2000, £1500, C6H12O6), and anything outside 1000–2100.
 */

export const MIN_YEAR = 1000;
export const MAX_YEAR = 2100;

export type DateMentionKind = 'year' | 'month' | 'day' | 'range' | 'decade';

export interface DateMention {
  kind: DateMentionKind;
  /** Character offsets of the mention in the text: text.slice(start, end) === this.text. */
  start: number;
  end: number;
  text: string;
  year: number;
  /** 1–12 when known. */
  month: number | null;
  day: number | null;
  /** The last year of a range or decade; null for a single date. */
  endYear: number | null;
}

const MONTHS: readonly (readonly string[])[] = [
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['may'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'sept', 'september'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
];

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** 1–12 for an English month name or abbreviation ("Dec", "Dec.", "December"), else null. */
export function parseMonth(word: string): number | null {
  const key = word.replace(/\.$/, '').toLowerCase();
  const index = MONTHS.findIndex((names) => names.includes(key));
  return index < 0 ? null : index + 1;
}

// Capitalised month names only: "may" and "march" are also verbs.
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DAY = String.raw`(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`\d{4}`;

/** Words that, after a number, make it a quantity rather than a year. */
const UNIT_AFTER =
  /^\s+(?:million|billion|thousand|hundred|people|persons|men|women|children|soldiers|troops|workers|members|prisoners|peasants|deaths|dead|lives|victims|households|farms|factories|tons|tonnes|kg|g|km|m|cm|mm|nm|µm|micrometres|micrometers|nanometres|nanometers|metres|meters|miles|kilometres|kilometers|feet|marks|roubles|rubles|pounds|dollars|francs|euros|seats|votes|years|days|hours|minutes|seconds|times|degrees|calories|kj|kilojoules|joules|volts|watts|acres|hectares|copies|pages|words|bc|bce|cattle|pigs|horses)\b/i;

function plausibleYear(text: string, start: number, end: number): boolean {
  const value = Number(text.slice(start, end));
  if (!Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) return false;
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 2);
  if (/[\p{L}\p{N}£$€#/×^_+=]$/u.test(before)) return false;
  if (/\d[.,]$/.test(before)) return false;
  if (/[=×÷]\s$/.test(before)) return false;
  if (/^[\p{L}\p{N}%°_]/u.test(after)) return false;
  if (/^[.,:/]\d/.test(after)) return false;
  return !UNIT_AFTER.test(text.slice(end, end + 16));
}

interface Candidate extends DateMention {
  priority: number;
}

const PATTERNS: readonly { regex: RegExp; read: (m: RegExpExecArray, text: string) => Candidate | null }[] = [
  {
    // 1 December 1934, 1st Dec 1934, 1 Dec. 1934
    regex: new RegExp(String.raw`\b(${DAY})\s+(${MONTH}),?\s+(${YEAR})`, 'g'),
    read: (m, text) => dated(m, text, m[3]!, parseMonth(m[2]!), Number.parseInt(m[1]!, 10)),
  },
  {
    // December 1st, 1934; Dec 1 1934
    regex: new RegExp(String.raw`\b(${MONTH})\s+(${DAY}),?\s+(${YEAR})`, 'g'),
    read: (m, text) => dated(m, text, m[3]!, parseMonth(m[1]!), Number.parseInt(m[2]!, 10)),
  },
  {
    // March 1939, February, 1931
    regex: new RegExp(String.raw`\b(${MONTH}),?\s+(${YEAR})`, 'g'),
    read: (m, text) => dated(m, text, m[2]!, parseMonth(m[1]!), null),
  },
  {
    // 1928 to 1938; between 1928 and 1938
    regex: new RegExp(String.raw`(?:\bbetween\s+)?(${YEAR})\s+(?:to|until|till|and)\s+(${YEAR})`, 'g'),
    read: (m, text) => {
      if (m[0].includes(' and ') && !/^between/i.test(m[0])) return null;
      return range(m, text, m[1]!, m[2]!, m[0].length - m[2]!.length);
    },
  },
  {
    // 1936 - 1938, 1930 -32, 1925-7, 1927–28 (but "1930 - 1 - A" is a year and a list number)
    regex: new RegExp(String.raw`(${YEAR})(\s*)[-–—](\s*)(\d{4}|\d{1,2})(?!\d)`, 'g'),
    read: (m, text) => {
      const endText = m[4]!;
      const end = m.index + m[0].length;
      if (endText.length < 4 && /^\s*[-–—]\s/.test(text.slice(end))) return null;
      return range(m, text, m[1]!, endText, m[0].length - endText.length);
    },
  },
  {
    // the 1930s, 1930's
    regex: new RegExp(String.raw`(${YEAR})['’]?s\b`, 'g'),
    read: (m, text) => {
      const start = m.index;
      const year = Number(m[1]);
      if (year % 10 !== 0 || year < MIN_YEAR || year > MAX_YEAR) return null;
      if (/[\p{L}\p{N}£$€#/×^_+=]$/u.test(text.slice(Math.max(0, start - 1), start))) return null;
      return mention('decade', m, year, null, null, year + 9, 1);
    },
  },
  {
    regex: new RegExp(String.raw`(${YEAR})`, 'g'),
    read: (m, text) =>
      plausibleYear(text, m.index, m.index + 4)
        ? mention('year', m, Number(m[1]), null, null, null, 0)
        : null,
  },
];

function mention(
  kind: DateMentionKind,
  m: RegExpExecArray,
  year: number,
  month: number | null,
  day: number | null,
  endYear: number | null,
  priority: number,
): Candidate {
  return {
    kind,
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
    year,
    month,
    day,
    endYear,
    priority,
  };
}

function dated(
  m: RegExpExecArray,
  text: string,
  yearText: string,
  month: number | null,
  day: number | null,
): Candidate | null {
  const yearStart = m.index + m[0].length - yearText.length;
  if (month === null || !plausibleYear(text, yearStart, yearStart + 4)) return null;
  if (day !== null && day > daysInMonth(Number(yearText), month)) return null;
  return mention(day === null ? 'month' : 'day', m, Number(yearText), month, day, null, 2);
}

function range(
  m: RegExpExecArray,
  text: string,
  startText: string,
  endText: string,
  endOffset: number,
): Candidate | null {
  const startIndex = m.index + m[0].indexOf(startText);
  const endIndex = m.index + endOffset;
  const first = Number(startText);
  if (!plausibleYear(text, startIndex, startIndex + 4)) return null;
  let last: number;
  if (endText.length === 4) {
    if (!plausibleYear(text, endIndex, endIndex + 4)) return null;
    last = Number(endText);
  } else {
    const scale = 10 ** endText.length;
    last = Math.floor(first / scale) * scale + Number(endText);
    if (UNIT_AFTER.test(text.slice(endIndex + endText.length, endIndex + endText.length + 16))) return null;
    const after = text.slice(endIndex + endText.length);
    if (/^[\p{L}%°]/u.test(after) || /^[.,:/]\d/.test(after)) return null;
  }
  if (last <= first || last - first > 200 || last > MAX_YEAR) return null;
  const start = m.index;
  return {
    kind: 'range',
    start,
    end: m.index + m[0].length,
    text: m[0],
    year: first,
    month: null,
    day: null,
    endYear: last,
    priority: 2,
  };
}

export function daysInMonth(year: number, month: number): number {
  return [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1]!;
}

/** Every date mention in the text, left to right, never overlapping (the longest, most precise wins). */
export function findDates(text: string): DateMention[] {
  const candidates: Candidate[] = [];
  for (const { regex, read } of PATTERNS) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      const found = read(m, text);
      if (found !== null) candidates.push(found);
      // Let overlapping matches (a year inside "1 December 1934") be found by the other patterns.
      regex.lastIndex = m.index + 1;
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.priority - a.priority || b.end - a.end);
  const chosen: DateMention[] = [];
  let reachedEnd = 0;
  for (const { priority: _priority, ...candidate } of candidates) {
    if (candidate.start < reachedEnd) continue;
    chosen.push(candidate);
    reachedEnd = candidate.end;
  }
  return chosen;
}

/**
 * A month and day at the very start of a text and closed by punctuation, as in the seed's
 * "1934 - Dec 1st, Kirov assassinated…" once the year is read: "Dec 1st," / "1 December:" / "March,".
 */
export function parseLeadingMonthDay(
  text: string,
): { month: number; day: number | null; length: number } | null {
  const patterns: readonly [RegExp, (m: RegExpExecArray) => [string, string | null]][] = [
    [new RegExp(String.raw`^(${MONTH})\s+(${DAY})\s*(?:[,:;]|\s[-–—])\s*`), (m) => [m[1]!, m[2]!]],
    [new RegExp(String.raw`^(${DAY})\s+(${MONTH})\s*(?:[,:;]|\s[-–—])\s*`), (m) => [m[2]!, m[1]!]],
    [new RegExp(String.raw`^(${MONTH})\s*(?:[,:;]|\s[-–—])\s*`), (m) => [m[1]!, null]],
  ];
  for (const [regex, parts] of patterns) {
    const m = regex.exec(text);
    if (m === null) continue;
    const [monthText, dayText] = parts(m);
    const month = parseMonth(monthText);
    if (month === null) continue;
    const day = dayText === null ? null : Number.parseInt(dayText, 10);
    if (day !== null && day > 31) continue;
    return { month, day, length: m[0].length };
  }
  return null;
}

/** "1 December 1934", "March 1939", "1930–1932", "1930s", "1934". */
export function formatDate(date: {
  year: number;
  month: number | null;
  day: number | null;
  endYear: number | null;
}): string {
  if (date.endYear !== null) return `${date.year}–${date.endYear}`;
  if (date.month === null) return String(date.year);
  const month = MONTH_NAMES[date.month - 1]!;
  return date.day === null ? `${month} ${date.year}` : `${date.day} ${month} ${date.year}`;
}
