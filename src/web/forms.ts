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

export const problemFor = (state: FormState, field: string): string | undefined =>
  state.problems.find((problem) => problem.field === field)?.message;
