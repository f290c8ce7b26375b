/**
 * Recall's own JSON: a lossless set (metadata, tags, cards in order) for backups and the API:
 *   { "format": "recall-card-set", "version": 1, "title", "subtitle", "subject", "topic", "level",
 *     "examBoard", "language", "tags": [], "cards": [{ "title", "body", "kind"?, "reversible"?, "tags"? }] }
 * ("language", a BCP 47 tag or null, may be left out.)
 * A card's "kind" ("basic" | "cloze"), "reversible" and "tags" are written only when they say something
 * (a cloze card, a card studied both ways, tags), so files of basic cards read as before.
 * Read with a TypeBox schema: unknown versions and unknown properties are refused, and every error names
 * the JSON path at fault (syntax errors name the line and column).
 */
import Value from 'typebox/value';
import { EXAM_BOARDS, LEVELS, type CardDraft } from '../../domain/card-set.js';
import { canonicalLanguageTag } from '../../domain/language-tag.js';
import type { CardSetDocument } from '../card-set-document.js';
import type { CardSetFormat, ReadOptions } from '../card-set-format.js';
import { maxCardsOf, tooManyCards } from '../format-limits.js';
import { ParseError } from '../parse-error.js';
import { decodeTextInput, encodeText, sniffText } from '../text-input.js';
import { parseJsonText } from './json-syntax.js';
import { RECALL_JSON_FORMAT, RECALL_JSON_VERSION, RecallCardSetJson } from './recall-json-schema.js';

export const jsonFormat: CardSetFormat = {
  id: 'json',
  label: 'Recall JSON',
  extension: '.json',
  mediaType: 'application/json',
  detect: (input) => /^\s*\{/.test(sniffText(input, 1024)),
  read: (input, options) => [readRecallJson(input, options)],
  write: (document) => encodeText(`${JSON.stringify(toJson(document), null, 2)}\n`),
};

function toJson(document: CardSetDocument) {
  return {
    format: RECALL_JSON_FORMAT,
    version: RECALL_JSON_VERSION,
    title: document.title,
    subtitle: document.subtitle,
    subject: document.subject,
    topic: document.topic,
    level: document.level,
    examBoard: document.examBoard,
    language: document.language ?? null,
    tags: document.tags,
    cards: document.cards.map(cardJson),
  };
}

function cardJson(card: CardDraft) {
  return {
    title: card.title,
    body: card.body,
    ...(card.kind === 'cloze' ? { kind: card.kind } : {}),
    ...(card.reversible === true ? { reversible: true } : {}),
    ...((card.tags?.length ?? 0) > 0 ? { tags: card.tags } : {}),
  };
}

export function readRecallJson(input: Uint8Array, options?: ReadOptions): CardSetDocument {
  const value = parseJsonText(
    decodeTextInput(input, {
      maxLineLength: null,
      expected: 'JSON',
      refuseControlCharacters: false,
      legacyEncodings: false,
    }),
  );
  const atPath = (path: string, reason: string) => new ParseError(reason, 1, 1, { path });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw atPath('$', 'expected a JSON object: a Recall card set');
  }
  const { format, version, cards } = value as Record<string, unknown>;
  if (format !== RECALL_JSON_FORMAT) {
    throw atPath('$.format', `expected "${RECALL_JSON_FORMAT}": this JSON is not a Recall card set`);
  }
  if (version !== RECALL_JSON_VERSION) {
    throw atPath(
      '$.version',
      `version ${JSON.stringify(version ?? null)} is not supported; this Recall reads version ${RECALL_JSON_VERSION}`,
    );
  }
  const max = maxCardsOf(options);
  if (Array.isArray(cards) && cards.length > max) throw atPath(`$.cards[${max}]`, tooManyCards(max));
  if (!Value.Check(RecallCardSetJson, value)) {
    const [path, reason] = firstProblem(value);
    throw atPath(path, reason);
  }
  const { format: _format, version: _version, language, ...document } = value;
  if (language !== undefined && language !== null && canonicalLanguageTag(language) === null) {
    throw atPath('$.language', 'must be a language tag such as "en", "fr" or "pt-BR", or null');
  }
  return {
    ...document,
    // Absent when not said, as in documents from formats that carry no language.
    ...(language === undefined || language === null ? {} : { language }),
    cards: document.cards.map(cardJson),
  };
}

/** The first error TypeBox finds, said for people. */
function firstProblem(value: unknown): [string, string] {
  const errors = [...Value.Errors(RecallCardSetJson, value)];
  const first = errors[0];
  if (first === undefined) return ['$', 'is not a Recall card set'];
  const extra = errors.find((error) => error.keyword === 'additionalProperties');
  if (extra !== undefined) {
    const names = (extra.params as { additionalProperties?: string[] }).additionalProperties ?? [];
    return [
      jsonPath(`${extra.instancePath}/${names[0] ?? ''}`),
      'is not a property of a Recall card set (remove it)',
    ];
  }
  const path = jsonPath(first.instancePath);
  if (path === '$.level') return [path, `must be one of ${LEVELS.join(', ')}, or null`];
  if (path === '$.examBoard') return [path, `must be one of ${EXAM_BOARDS.join(', ')}, or null`];
  const messages = [
    ...new Set(
      errors.filter((error) => error.instancePath === first.instancePath).map((error) => error.message),
    ),
  ];
  return [path, messages.join(', or ')];
}

/** A JSON pointer ("/cards/0/title") as a path ("$.cards[0].title"). */
function jsonPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, part) =>
        /^\d+$/.test(part)
          ? `${path}[${part}]`
          : /^[a-z_$][\w$]*$/i.test(part)
            ? `${path}.${part}`
            : `${path}[${JSON.stringify(part)}]`,
      '$',
    );
}
