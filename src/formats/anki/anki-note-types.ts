/**
 * Anki note types and what their templates say about a note: which fields are the front, which the back,
 * whether a second template studies the note the other way round, which fields hold cloze deletions.
 * Judged by kind and templates, never by name: "Basic (and reversed card)" renamed "Vocab" is still
 * reversed, and a note type called "Cloze" that is not of the cloze kind is not.
 *
 * Schema 11 keeps note types as JSON in `col.models`; schema 18 in the tables `notetypes`, `fields` and
 * `templates`, with protobuf configs (Notetype.Config: kind = 1, original_stock_kind = 9;
 * Template.Config: q_format = 1, a_format = 2).
 */
import type Database from 'better-sqlite3';
import { FORMAT_LIMITS } from '../format-limits.js';
import { protobufFields, protobufNumber, protobufString } from './protobuf-fields.js';

export type NoteKind = 'basic' | 'cloze' | 'image-occlusion';

export interface NoteType {
  id: number;
  name: string;
  kind: NoteKind;
  fields: string[];
  /** By ord. */
  templates: { ord: number; question: string; answer: string }[];
}

/** How a note of a type becomes a Recall card. Field indexes are ords. */
export interface NoteShape {
  kind: NoteKind;
  /** The front: the fields the first template asks. */
  front: number[];
  /** The rest of what the templates show, in field order. */
  back: number[];
  /** The template ord that asks the back and shows the front ("Basic (and reversed card)"'s Card 2). */
  reverseOrd: number | null;
  /** The fields a cloze template deletes from. */
  clozeFields: number[];
}

const CLOZE_KIND = 1;
const IMAGE_OCCLUSION_STOCK_KIND = 6;
/** Names in `{{…}}` that are not fields. */
const SPECIAL = new Set(['FrontSide', 'Tags', 'Type', 'Deck', 'Subdeck', 'Card', 'CardFlag', 'CardID']);

interface TemplateRefs {
  /** Fields shown (`{{Field}}`, `{{text:Field}}`, `{{type:Field}}` …), not those only tested in sections. */
  shown: Set<string>;
  /** Fields shown through the `cloze:` filter. */
  cloze: Set<string>;
  /** Fields typed in (`{{type:Field}}`): on a question, they are the answer, not the front. */
  typed: Set<string>;
  /** Fields tested by sections (`{{#Field}}`, `{{^Field}}`). */
  tested: Set<string>;
}

/** The fields a template refers to, in one pass; null when it changes its delimiters (`{{=<% %>=}}`). */
export function templateRefs(template: string): TemplateRefs | null {
  const refs: TemplateRefs = { shown: new Set(), cloze: new Set(), typed: new Set(), tested: new Set() };
  let at = 0;
  for (;;) {
    const open = template.indexOf('{{', at);
    if (open === -1) return refs;
    const close = template.indexOf('}}', open + 2);
    if (close === -1) return refs;
    const tag = template.slice(open + 2, close).trim();
    at = close + 2;
    if (tag.startsWith('=')) return null;
    if (tag === '' || '/!'.includes(tag[0]!)) continue;
    if ('#^'.includes(tag[0]!)) {
      refs.tested.add(tag.slice(1).trim());
      continue;
    }
    const parts = tag.split(':');
    const field = parts[parts.length - 1]!.trim();
    if (SPECIAL.has(field)) continue;
    const filters = parts.slice(0, -1).map((filter) => filter.trim());
    refs.shown.add(field);
    if (filters.includes('cloze')) refs.cloze.add(field);
    if (filters.includes('type')) refs.typed.add(field);
  }
}

/** What a note type's templates make of its notes. */
export function shapeOf(type: NoteType | undefined, fieldCount: number): NoteShape {
  const everyField = Array.from({ length: fieldCount }, (_, ord) => ord);
  const fallback: NoteShape = {
    kind: type?.kind ?? 'basic',
    front: [0],
    back: everyField.slice(1),
    reverseOrd: null,
    clozeFields: type?.kind === 'cloze' ? [0] : [],
  };
  if (type === undefined || type.templates.length === 0) return fallback;
  const ordOf = new Map(type.fields.map((name, ord) => [name, ord]));
  const ords = (names: Iterable<string>) =>
    [...names]
      .map((name) => ordOf.get(name))
      .filter((ord): ord is number => ord !== undefined)
      .sort((a, b) => a - b);
  const parsed = type.templates.map((template) => ({
    ord: template.ord,
    question: templateRefs(template.question),
    answer: templateRefs(template.answer),
  }));
  if (parsed.some((template) => template.question === null || template.answer === null)) return fallback;
  // What the back shows: every field a template shows, and fields no template mentions (kept rather than
  // lost), but not switches: fields only tested by sections, such as "Add Reverse".
  const shown = new Set<number>();
  const mentioned = new Set<number>();
  for (const template of parsed) {
    for (const refs of [template.question!, template.answer!]) {
      for (const ord of ords(refs.shown)) shown.add(ord);
      for (const ord of ords([...refs.shown, ...refs.tested])) mentioned.add(ord);
    }
  }
  for (const ord of everyField) if (!mentioned.has(ord)) shown.add(ord);
  if (type.kind !== 'basic') {
    const clozeFields = ords(parsed.flatMap((template) => [...template.question!.cloze]));
    if (clozeFields.length === 0) return fallback;
    return {
      kind: type.kind,
      front: [],
      back: [...shown].filter((ord) => !clozeFields.includes(ord)).sort((a, b) => a - b),
      reverseOrd: null,
      clozeFields,
    };
  }
  const first = parsed[0]!;
  const front = ords([...first.question!.shown].filter((name) => !first.question!.typed.has(name)));
  if (front.length === 0) return fallback;
  const back = [...shown].filter((ord) => !front.includes(ord)).sort((a, b) => a - b);
  // The reverse (a note type of exactly two templates, as Anki's reversed types are) asks what the first
  // template answers and answers with the front.
  const reverse = parsed.slice(1, parsed.length === 2 ? 2 : 1).find((template) => {
    const asks = ords(template.question!.shown);
    const answers = new Set(ords(template.answer!.shown));
    return (
      asks.length > 0 && asks.every((ord) => back.includes(ord)) && front.every((ord) => answers.has(ord))
    );
  });
  return { kind: 'basic', front, back, reverseOrd: reverse?.ord ?? null, clozeFields: [] };
}

const kindOf = (cloze: boolean, stockKind: number, templates: NoteType['templates']): NoteKind => {
  if (!cloze) return 'basic';
  const occlusion =
    stockKind === IMAGE_OCCLUSION_STOCK_KIND ||
    templates.some((template) => /imageOcclusion|image-occlusion/.test(template.question));
  return occlusion ? 'image-occlusion' : 'cloze';
};

/** Schema 11: `col.models`, a JSON object of note types. Unreadable entries are skipped. */
export function noteTypesFromJson(models: unknown): Map<number, NoteType> {
  const types = new Map<number, NoteType>();
  let parsed: unknown;
  try {
    parsed = typeof models === 'string' && models !== '' ? JSON.parse(models) : {};
  } catch {
    return types;
  }
  if (parsed === null || typeof parsed !== 'object') return types;
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (types.size >= FORMAT_LIMITS.ankiRows || value === null || typeof value !== 'object') continue;
    const model = value as Record<string, unknown>;
    const fields = Array.isArray(model.flds)
      ? (model.flds as { name?: unknown; ord?: unknown }[])
          .map((field, index) => ({
            name: typeof field?.name === 'string' ? field.name : '',
            ord: typeof field?.ord === 'number' ? field.ord : index,
          }))
          .sort((a, b) => a.ord - b.ord)
          .map((field) => field.name)
      : [];
    const templates = Array.isArray(model.tmpls)
      ? (model.tmpls as { qfmt?: unknown; afmt?: unknown; ord?: unknown }[]).map((template, index) => ({
          ord: typeof template?.ord === 'number' ? template.ord : index,
          question: typeof template?.qfmt === 'string' ? template.qfmt : '',
          answer: typeof template?.afmt === 'string' ? template.afmt : '',
        }))
      : [];
    templates.sort((a, b) => a.ord - b.ord);
    const stockKind = typeof model.originalStockKind === 'number' ? model.originalStockKind : 0;
    const id = Number(model.id ?? key);
    types.set(id, {
      id,
      name: typeof model.name === 'string' ? model.name : String(id),
      kind: kindOf(model.type === CLOZE_KIND, stockKind, templates),
      fields,
      templates,
    });
  }
  return types;
}

/** Schema 18: the `notetypes`, `fields` and `templates` tables (their row counts are checked beforehand). */
export function noteTypesFromTables(db: Database.Database): Map<number, NoteType> {
  const fieldsOf = new Map<number, { ord: number; name: string }[]>();
  for (const [ntid, ord, name] of db
    .prepare('select ntid, ord, name from fields not indexed')
    .raw()
    .iterate() as Iterable<[unknown, unknown, unknown]>) {
    const list = fieldsOf.get(Number(ntid)) ?? [];
    list.push({ ord: Number(ord), name: String(name) });
    fieldsOf.set(Number(ntid), list);
  }
  const templatesOf = new Map<number, NoteType['templates']>();
  for (const [ntid, ord, config] of db
    .prepare('select ntid, ord, config from templates not indexed')
    .raw()
    .iterate() as Iterable<[unknown, unknown, unknown]>) {
    const fields = config instanceof Uint8Array ? protobufFields(config) : null;
    const list = templatesOf.get(Number(ntid)) ?? [];
    list.push({ ord: Number(ord), question: protobufString(fields, 1), answer: protobufString(fields, 2) });
    templatesOf.set(Number(ntid), list);
  }
  const types = new Map<number, NoteType>();
  for (const [id, name, config] of db
    .prepare('select id, name, config from notetypes not indexed')
    .raw()
    .iterate() as Iterable<[unknown, unknown, unknown]>) {
    const fields = config instanceof Uint8Array ? protobufFields(config) : null;
    const templates = (templatesOf.get(Number(id)) ?? []).sort((a, b) => a.ord - b.ord);
    types.set(Number(id), {
      id: Number(id),
      name: String(name),
      kind: kindOf(protobufNumber(fields, 1) === CLOZE_KIND, protobufNumber(fields, 9), templates),
      fields: (fieldsOf.get(Number(id)) ?? []).sort((a, b) => a.ord - b.ord).map((field) => field.name),
      templates,
    });
  }
  return types;
}
