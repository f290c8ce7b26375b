/**
 * Whether a range [start, end) overlaps any of a fixed list of ranges, in logarithmic time: the answer-span
 * and timeline code asks this for every word of a card, and a scan of every date or span per word made long
 * dated text quadratic.
 */
export interface Range {
  start: number;
  end: number;
}

export function overlapsAny(ranges: readonly Range[]): (start: number, end: number) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  // furthest[i]: the largest end among the first i + 1 ranges by start.
  const furthest: number[] = [];
  for (const range of sorted) furthest.push(Math.max(range.end, furthest.at(-1) ?? -Infinity));
  return (start, end) => {
    // The ranges that start before `end` are a prefix; one of them overlaps when the furthest reaches past `start`.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]!.start < end) low = middle + 1;
      else high = middle;
    }
    return low > 0 && furthest[low - 1]! > start;
  };
}
