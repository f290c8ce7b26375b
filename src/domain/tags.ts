/**
 * Tags on card sets and on cards: short labels ("ww2", "Paper 1", "biology::cells") that search and
 * study filter by. A tag is kept as its author wrote it (spaces trimmed and runs of them made one) and
 * compared without regard to case, so "WW2" and "ww2" are one tag. Commas separate tags in a field, so no
 * tag holds one.
 */
import type { FieldProblem } from './errors.js';

export const TAG_LIMITS = {
  perSet: 100,
  perCard: 100,
  length: 100,
  /** A tags field as typed: every tag at its longest with a separator. */
  fieldLength: 100 * 102,
} as const;

/** A tag as stored: NFC, trimmed, inner white space collapsed to one space. */
export const normaliseTag = (tag: string): string => tag.normalize('NFC').replace(/\s+/g, ' ').trim();

/** What tags are compared and looked up by. */
export const tagKey = (tag: string): string => normaliseTag(tag).toLowerCase();

/** Normalised tags without blanks and without repeats (the first spelling of a tag is kept). */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of tags) {
    const tag = normaliseTag(raw);
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(tag);
  }
  return kept;
}

/** A tags field ("ww2, Paper 1") as tags. */
export const parseTagList = (text: string): string[] =>
  normaliseTags(text.slice(0, TAG_LIMITS.fieldLength).split(/[,\n]/));

/** Tags as a field shows them. */
export const formatTagList = (tags: readonly string[]): string => tags.join(', ');

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** What is wrong with a list of (normalised) tags, for the field that holds them. */
export function tagProblems(field: string, tags: readonly string[], max: number): FieldProblem[] {
  if (tags.length > max) {
    return [{ field, message: `At most ${max} tags (this has ${tags.length}).` }];
  }
  for (const tag of tags) {
    if (tag.length > TAG_LIMITS.length) {
      return [
        {
          field,
          message: `A tag may have at most ${TAG_LIMITS.length} characters (“${tag.slice(0, 20)}…” has ${tag.length}).`,
        },
      ];
    }
    if (tag.includes(',')) return [{ field, message: `A tag cannot hold a comma (“${tag}”).` }];
    if (CONTROL.test(tag)) return [{ field, message: 'A tag cannot hold control characters.' }];
    if (tag.trim() === '') return [{ field, message: 'A tag cannot be blank.' }];
  }
  return [];
}
