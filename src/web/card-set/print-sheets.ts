/**
 * Cards on sheets for double-sided printing: each sheet is a page of fronts (titles) followed by a page
 * of backs (bodies). Printed on both sides and flipped on the long edge, a card's back lands behind its
 * front only if each row of backs is the mirror of its row of fronts, so the backs' rows are reversed
 * (an incomplete last row is padded with blanks first, so that its cards stay behind their fronts).
 */

export interface PrintCell<T> {
  card: T;
  /** 1-based position in the set. */
  number: number;
}

export type PrintRow<T> = (PrintCell<T> | null)[];

export interface PrintSheet<T> {
  /** 1-based. */
  number: number;
  fronts: PrintRow<T>[];
  backs: PrintRow<T>[];
}

export const CARDS_PER_ROW = 2;
export const ROWS_PER_SHEET = 4;

export function printSheets<T>(
  cards: readonly T[],
  perRow: number = CARDS_PER_ROW,
  rowsPerSheet: number = ROWS_PER_SHEET,
): PrintSheet<T>[] {
  const perSheet = perRow * rowsPerSheet;
  const sheets: PrintSheet<T>[] = [];
  for (let start = 0; start < cards.length; start += perSheet) {
    const fronts: PrintRow<T>[] = [];
    for (let rowStart = start; rowStart < Math.min(start + perSheet, cards.length); rowStart += perRow) {
      fronts.push(
        Array.from({ length: perRow }, (_, column) => {
          const index = rowStart + column;
          return index < cards.length ? { card: cards[index]!, number: index + 1 } : null;
        }),
      );
    }
    sheets.push({
      number: sheets.length + 1,
      fronts,
      backs: fronts.map((row) => [...row].reverse()),
    });
  }
  return sheets;
}
