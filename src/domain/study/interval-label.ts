/**
 * An interval as the rating buttons say it, the way Anki and AnkiDroid do: "<1m", "10m", "3h", "4d",
 * "2.3mo", "1.5y"; and in words for screen readers ("in 10 minutes"). Months are 30 days, years 365.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/** One decimal below 10, none from 10 up: "2.3", "14"; never "2.0". */
const amount = (value: number) =>
  value < 10 ? String(Math.round(value * 10) / 10) : String(Math.round(value));

const UNITS: readonly [number, string, string][] = [
  [YEAR, 'y', 'year'],
  [MONTH, 'mo', 'month'],
  [DAY, 'd', 'day'],
  [HOUR, 'h', 'hour'],
  [MINUTE, 'm', 'minute'],
];

function unitOf(ms: number): [number, string, string] {
  // Days up to a month, months up to a year: "29d", then "1mo".
  return UNITS.find(([size]) => ms >= size) ?? UNITS.at(-1)!;
}

/** Rounded to whole minutes, hours and days (Anki's own labels), months and years to a tenth. */
function countOf(ms: number, size: number): string {
  const value = ms / size;
  return size >= MONTH ? amount(value) : String(Math.round(value));
}

export function intervalLabel(ms: number): string {
  if (ms < MINUTE) return '<1m';
  const [size, short] = unitOf(ms);
  return `${countOf(ms, size)}${short}`;
}

export function intervalWords(ms: number): string {
  if (ms < MINUTE) return 'in under a minute';
  const [size, , long] = unitOf(ms);
  const count = countOf(ms, size);
  return `in ${count} ${long}${count === '1' ? '' : 's'}`;
}
