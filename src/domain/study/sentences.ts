/** Splits a fact into sentences, keeping offsets, without breaking at initials ("J.J. Thomson") or "e.g.". */

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

// Tested on a short tail only (the longest abbreviation is "approx.", 7 characters): testing the whole
// sentence so far at every full stop would be quadratic in a sentence of many initials.
const NO_BREAK_BEFORE =
  /(?:\b[A-Z]|\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|St|No|vs|approx|c|ca|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov))\.$/;
const TAIL = 12;

// A boundary is a run of . ! ?, closing quotes or brackets, white space, and a capital or digit next. The
// run is found once (a global search moves past it) and what follows is checked from its end, so a long run
// of "!" is read once, not once per character.
const END_PUNCTUATION = /[.!?]+/g;
const AFTER_PUNCTUATION = /['"’”)]*\s+(?=['"‘“(]?[\p{Lu}\p{N}])/uy;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  END_PUNCTUATION.lastIndex = 0;
  for (let m = END_PUNCTUATION.exec(text); m !== null; m = END_PUNCTUATION.exec(text)) {
    AFTER_PUNCTUATION.lastIndex = m.index + m[0].length;
    const after = AFTER_PUNCTUATION.exec(text);
    if (after === null) continue;
    const endOfPunctuation = after.index + after[0].trimEnd().length;
    END_PUNCTUATION.lastIndex = after.index + after[0].length;
    if (NO_BREAK_BEFORE.test(text.slice(Math.max(start, endOfPunctuation - TAIL), endOfPunctuation)))
      continue;
    sentences.push({ start, end: endOfPunctuation, text: text.slice(start, endOfPunctuation) });
    start = after.index + after[0].length;
  }
  if (start < text.length) {
    const rest = text.slice(start).trimEnd();
    if (rest !== '') sentences.push({ start, end: start + rest.length, text: rest });
  }
  return sentences;
}

export const wordCount = (text: string): number =>
  text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
