/** Splits a fact into sentences, keeping offsets, without breaking at initials ("J.J. Thomson") or "e.g.". */

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

const NO_BREAK_BEFORE =
  /(?:\b[A-Z]|\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|St|No|vs|approx|c|ca|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov))\.$/;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const boundary = /[.!?]+['"’”)]*\s+(?=['"‘“(]?[\p{Lu}\p{N}])/gu;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    const endOfPunctuation = m.index + m[0].trimEnd().length;
    if (NO_BREAK_BEFORE.test(text.slice(start, endOfPunctuation))) continue;
    sentences.push({ start, end: endOfPunctuation, text: text.slice(start, endOfPunctuation) });
    start = m.index + m[0].length;
  }
  if (start < text.length) {
    const rest = text.slice(start).trimEnd();
    if (rest !== '') sentences.push({ start, end: start + rest.length, text: rest });
  }
  return sentences;
}

export const wordCount = (text: string): number =>
  text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
