/**
 * Form bodies read one way: through a TypeBox schema, as the API reads JSON.
 *
 * The posted fields (urlencoded or multipart) become an object: the last value wins for a repeated
 * name, and `cards[2][title]` fields become a list of objects. Every string is held to its schema's
 * length before anything reads it, line ends become "\n" (browsers post a textarea's as "\r\n"),
 * strings are converted to the declared types ("3" to 3, a ticked box's "1" to true), absent fields
 * take their defaults and undeclared ones are dropped. What still does not fit is one validation error
 * naming each field, so the form comes back with what was typed.
 */
import Type, { type Static, type TSchema } from 'typebox';
import Value from 'typebox/value';
import { AppError, type FieldProblem } from '../domain/errors.js';
import type { FormValues } from './forms.js';

/** The longest list a bracketed field name may index (`cards[999][title]`). */
const MAX_LIST_INDEX = 999;

/**
 * A text field whose rule allows `limit` characters: "" (or `fallback`) when absent. The form refuses
 * outright only what no one typing could send, twice the limit and more, so that text a little too long
 * reaches the service, whose message says what else is wrong with the form too; either way the message
 * names the limit.
 */
export const FormText = (
  limit: number,
  { fallback = '', problem }: { fallback?: string; problem?: string } = {},
) =>
  Type.String({
    maxLength: 2 * limit + 100,
    limit,
    default: fallback,
    ...(problem === undefined ? {} : { problem }),
  });

/** A checkbox posting "1" when ticked: true or false. */
export const FormCheckbox = () => Type.Boolean({ default: false });

/** Fields named by a pattern (`a-12`, `place-3`): a map of name to value; other names are dropped. */
export const FormFieldsMatching = <Value extends TSchema>(pattern: string, value: Value) =>
  Type.Unsafe<Record<string, Static<Value>>>(Type.Record(Type.String({ pattern }), value));

/** The fields as posted, one string each (the last value wins): what a form shows again. */
export function postedValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (typeof body !== 'object' || body === null) return values;
  for (const [key, value] of Object.entries(body)) {
    const last: unknown = Array.isArray(value) ? value.at(-1) : value;
    if (typeof last === 'string') values[key] = last;
  }
  return values;
}

/** Reads a posted body through its schema, or throws a validation error with a problem per field. */
export function readFormBody<S extends TSchema>(schema: S, body: unknown): Static<S> {
  const { value, problems } = parseFormBody(schema, body);
  if (problems.length === 0) return value;
  throw new AppError('validation', 'Please correct the highlighted fields.', problems);
}

/**
 * Reads a posted body through its schema without throwing, for a form that must come back whole (the
 * editor): where `problems` is not empty, `value` breaks the schema at those fields (a string too long,
 * too many cards) and is fit only to show the form again.
 */
export function parseFormBody<S extends TSchema>(
  schema: S,
  body: unknown,
): { value: Static<S>; problems: FieldProblem[] } {
  let value: unknown = nest(postedValues(body));
  value = Value.Default(schema, value);
  value = Value.Convert(schema, value);
  value = Value.Clean(schema, value);
  const problems = Value.Check(schema, value) ? [] : problemsOf(schema, value);
  return { value: value as Static<S>, problems };
}

/** `a[1][b]` names become lists of objects; line ends become "\n". */
function nest(values: FormValues): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  const lists = new Map<string, Map<number, Record<string, string>>>();
  for (const [key, raw] of Object.entries(values)) {
    const value = raw.replace(/\r\n?/g, '\n');
    const match = /^(\w{1,40})\[(\d{1,3})\]\[(\w{1,40})\]$/.exec(key);
    if (match === null) {
      nested[key] = value;
      continue;
    }
    const [, list, index, field] = match as unknown as [string, string, string, string];
    if (Number(index) > MAX_LIST_INDEX) continue;
    const items = lists.get(list) ?? new Map<number, Record<string, string>>();
    lists.set(list, items);
    const item = items.get(Number(index)) ?? {};
    items.set(Number(index), item);
    item[field] = value;
  }
  // In the order of their indexes, gaps closed (a deleted card leaves none).
  for (const [list, items] of lists) {
    nested[list] = [...items.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
  }
  return nested;
}

/** The first problem of each field, in words, named as the form names it (`cards[2].title`). */
function problemsOf(schema: TSchema, value: unknown): FieldProblem[] {
  const problems = new Map<string, string>();
  for (const error of Value.Errors(schema, value)) {
    const at = error.instancePath.split('/').slice(1);
    // A missing field is reported by the object holding it.
    const missing = error.keyword === 'required' ? (error.params as { requiredProperties?: string[] }) : null;
    const path = missing?.requiredProperties?.[0] === undefined ? at : [...at, missing.requiredProperties[0]];
    if (path.length === 0) continue;
    const field = path
      .map((part, index) => (index === 0 ? part : /^\d+$/.test(part) ? `[${part}]` : `.${part}`))
      .join('');
    if (problems.has(field)) continue;
    problems.set(
      field,
      messageFor(schemaAt(schema, path), error.keyword, error.params, valueAt(value, path)),
    );
  }
  return [...problems].map(([field, message]) => ({ field, message }));
}

/** A schema as the walk below reads it: its object properties, its list items, its own message. */
interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  problem?: unknown;
  /** A text field's rule (FormText), which its message names. */
  limit?: unknown;
}

function schemaAt(schema: TSchema, path: readonly string[]): SchemaNode | undefined {
  let at: SchemaNode | undefined = schema;
  for (const part of path) at = /^\d+$/.test(part) ? at?.items : at?.properties?.[part];
  return at;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const part of path) at = (at as Record<string, unknown> | undefined)?.[part];
  return at;
}

function messageFor(
  schema: SchemaNode | undefined,
  keyword: string,
  params: Record<string, unknown>,
  value: unknown,
): string {
  const problem = schema?.problem;
  if (typeof problem === 'string') return problem;
  switch (keyword) {
    case 'maxLength': {
      const limit = typeof schema?.limit === 'number' ? schema.limit : Number(params.limit);
      const has =
        typeof value === 'string' ? `this has ${value.length.toLocaleString('en-GB')}` : 'this has more';
      return `At most ${limit.toLocaleString('en-GB')} characters (${has}).`;
    }
    case 'required':
      return 'This is required.';
    case 'maxItems':
      return `At most ${String(params.limit)}.`;
    case 'minimum':
    case 'maximum':
      return `A number ${keyword === 'minimum' ? 'from' : 'up to'} ${String(params.limit)}.`;
    case 'type':
      return params.type === 'integer' || params.type === 'number' ? 'Enter a number.' : 'This is not valid.';
    default:
      return 'Choose one of the options.';
  }
}
