/** Plain HTML forms: the body as strings, and what a form shows when it comes back with problems. */
import type { FieldProblem } from '../domain/errors.js';

export type FormValues = Record<string, string>;

export interface FormState {
  values: FormValues;
  problems: readonly FieldProblem[];
  /** A sentence above the form ("Please correct the highlighted fields."). */
  message: string | null;
}

export const emptyForm = (values: FormValues = {}): FormState => ({ values, problems: [], message: null });

/** The urlencoded body as a flat map of strings (the last value wins for repeated names). */
export function readForm(body: unknown): FormValues {
  const values: FormValues = {};
  if (typeof body !== 'object' || body === null) return values;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value) && typeof value.at(-1) === 'string') values[key] = value.at(-1) as string;
  }
  return values;
}

export const problemFor = (state: FormState, field: string): string | undefined =>
  state.problems.find((problem) => problem.field === field)?.message;
