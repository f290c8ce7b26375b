/**
 * Refuses an Anki collection whose schema could make reading it do anything but read rows. SQLite runs the
 * SQL stored in a database's schema: a view runs its query, a virtual table its module (FTS4's
 * `uncompress=zeroblob(500000000)` allocates half a gigabyte per row read), a generated column its
 * expression, a trigger its statements. So every object in `sqlite_master` is judged by its SQL, not by its
 * `type` column (a virtual table says "table" there): only tables Anki and AnkiDroid create are allowed, each
 * declared as a plain table (column names, type names, and the constraints Anki writes), and indexes on plain
 * columns, with at most a simple `WHERE` (Anki's `idx_cards_odid … WHERE odid != 0`). Nothing else passes:
 * no views, triggers, virtual or shadow tables, generated columns, `CHECK`/`DEFAULT` expressions or
 * function calls anywhere.
 *
 * The SQL is read by a tokenizer in one pass over each statement (linear in its length), never by a
 * regular expression that could backtrack.
 */
import type Database from 'better-sqlite3';

/** The tables of Anki collections (schema 11 to 18), AnkiDroid's locale table, and SQLite's own statistics. */
const KNOWN_TABLES = new Set([
  'col',
  'notes',
  'cards',
  'revlog',
  'graves',
  'deck_config',
  'config',
  'fields',
  'templates',
  'notetypes',
  'decks',
  'tags',
  'android_metadata',
  'sqlite_stat1',
  'sqlite_stat4',
  'sqlite_sequence',
]);

/** Words that make a table something other than a plain table, named in the refusal. */
const REFUSED_WORDS = new Set([
  'as',
  'generated',
  'always',
  'virtual',
  'using',
  'check',
  'references',
  'select',
  'stored',
]);

interface Token {
  kind: 'word' | 'quoted' | 'string' | 'number' | 'symbol';
  text: string;
}

/** SQL → tokens, comments dropped. Returns null for SQL it cannot tokenize (an unterminated quote). */
export function sqlTokens(sql: string): Token[] | null {
  const tokens: Token[] = [];
  let at = 0;
  const isWordChar = (c: string) => /[\w$\u0080-\uffff]/.test(c);
  while (at < sql.length) {
    const c = sql[at]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
      at++;
    } else if (c === '-' && sql[at + 1] === '-') {
      const end = sql.indexOf('\n', at);
      at = end === -1 ? sql.length : end + 1;
    } else if (c === '/' && sql[at + 1] === '*') {
      const end = sql.indexOf('*/', at + 2);
      if (end === -1) return null;
      at = end + 2;
    } else if (c === "'" || c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      let end = at + 1;
      let text = '';
      for (;;) {
        const next = sql.indexOf(close, end);
        if (next === -1) return null;
        text += sql.slice(end, next);
        // A doubled quote is the quote itself (not for brackets).
        if (close !== ']' && sql[next + 1] === close) {
          text += close;
          end = next + 2;
          continue;
        }
        end = next + 1;
        break;
      }
      tokens.push({ kind: c === "'" ? 'string' : 'quoted', text });
      at = end;
    } else if (/\d/.test(c)) {
      let end = at + 1;
      while (end < sql.length && /[0-9.ex]/i.test(sql[end]!)) end++;
      tokens.push({ kind: 'number', text: sql.slice(at, end) });
      at = end;
    } else if (isWordChar(c)) {
      let end = at + 1;
      while (end < sql.length && isWordChar(sql[end]!)) end++;
      tokens.push({ kind: 'word', text: sql.slice(at, end).toLowerCase() });
      at = end;
    } else {
      // Two-character operators are kept whole so that `!=` reads as one symbol.
      const two = sql.slice(at, at + 2);
      const symbol = ['!=', '<>', '<=', '>=', '=='].includes(two) ? two : c;
      tokens.push({ kind: 'symbol', text: symbol });
      at += symbol.length;
    }
  }
  return tokens;
}

const nameOf = (token: Token | undefined): string | null =>
  token !== undefined && (token.kind === 'word' || token.kind === 'quoted') ? token.text.toLowerCase() : null;

/** Why a CREATE TABLE statement is not a plain table, or null when it is one. */
function plainTableProblem(tokens: Token[]): string | null {
  const words = tokens.slice(0, 2).map((token) => token.text);
  if (words[0] !== 'create' || words[1] !== 'table') {
    return tokens[1]?.text === 'virtual' ? 'is a virtual table' : 'is not declared as a plain table';
  }
  let depth = 0;
  let opened = false;
  for (const [index, token] of tokens.entries()) {
    if (token.kind === 'symbol') {
      if (token.text === '(') {
        depth++;
        opened = true;
        // A parenthesis inside a column definition: a type's size `(10)`, or a key's column list.
        if (depth > 2) return 'declares an expression';
        if (depth === 2 && nameOf(tokens[index - 1]) === 'default') return 'declares a default expression';
      } else if (token.text === ')') {
        depth--;
        if (depth < 0) return 'has unbalanced parentheses';
      } else if (![',', '-', '+', '.'].includes(token.text)) {
        return `declares "${token.text}", which a plain table never has`;
      }
      continue;
    }
    // Other words are names (of the table, its columns, types and collations) or the constraints Anki
    // writes; a word that makes the table run SQL is refused.
    if (token.kind === 'word' && REFUSED_WORDS.has(token.text)) {
      return ['as', 'generated', 'always', 'stored'].includes(token.text)
        ? 'has a generated column'
        : `declares ${token.text.toUpperCase()}`;
    }
  }
  if (!opened || depth !== 0) return 'is not a complete table declaration';
  return null;
}

/** Why a CREATE INDEX statement is not an index on plain columns, or null when it is one. */
function plainIndexProblem(tokens: Token[]): string | null {
  let at = 0;
  const expect = (word: string) => tokens[at]?.kind === 'word' && tokens[at]!.text === word;
  if (!expect('create')) return 'is not an index declaration';
  at++;
  if (expect('unique')) at++;
  if (!expect('index')) return 'is not an index declaration';
  let depth = 0;
  for (; at < tokens.length; at++) {
    const token = tokens[at]!;
    if (token.kind === 'symbol') {
      if (token.text === '(') {
        depth++;
        if (depth > 1) return 'is an index on an expression';
      } else if (token.text === ')') {
        depth--;
      } else if (depth === 1 && token.text !== ',') {
        return 'is an index on an expression';
      } else if (
        depth === 0 &&
        !['!=', '<>', '=', '==', '<', '>', '<=', '>=', '-', '.'].includes(token.text)
      ) {
        return `has "${token.text}" in its condition`;
      }
    } else if (token.kind === 'word' && REFUSED_WORDS.has(token.text)) {
      return `declares ${token.text.toUpperCase()}`;
    }
  }
  return depth === 0 ? null : 'is not a complete index declaration';
}

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/**
 * Throws (through `refuse`) at the first schema object that is not a known Anki table declared plainly, or
 * an index on one. Reads only `sqlite_master`, which SQLite reads without running any stored SQL.
 */
export function assertPlainAnkiSchema(db: Database.Database, refuse: (reason: string) => Error): void {
  const objects = db.prepare('select type, name, tbl_name, sql from sqlite_master').all() as SchemaObject[];
  // Objects that run SQL are named first, before tables that are merely unknown (a view's own table).
  const runsSql = (object: SchemaObject) =>
    /^\s*create\s+(?:temp\w*\s+)?(?:view|trigger|virtual)/i.test(object.sql ?? '');
  objects.sort((a, b) => Number(runsSql(b)) - Number(runsSql(a)));
  for (const object of objects) {
    const label = `"${object.name}"`;
    if (object.sql === null) {
      // SQLite's own automatic indexes (for PRIMARY KEY and UNIQUE) have no SQL.
      if (object.type === 'index' && object.name.startsWith('sqlite_autoindex_')) continue;
      throw refuse(`is not an Anki collection: its schema object ${label} has no SQL`);
    }
    const tokens = sqlTokens(object.sql);
    if (tokens === null) throw refuse(`is not an Anki collection: the SQL of ${label} cannot be read`);
    const declared = tokens.slice(0, 3).map((token) => token.text);
    if (declared[1] === 'view' || declared[2] === 'view') {
      throw refuse(`is not an Anki collection: ${label} is a view, which Anki never creates`);
    }
    if (declared[1] === 'trigger' || declared[2] === 'trigger') {
      throw refuse(`is not an Anki collection: ${label} is a trigger, which Anki never creates`);
    }
    if (declared[1] === 'index' || declared[2] === 'index') {
      const table = object.tbl_name.toLowerCase();
      const problem = KNOWN_TABLES.has(table)
        ? plainIndexProblem(tokens)
        : `is on a table Anki never creates ("${object.tbl_name}")`;
      if (problem !== null) throw refuse(`is not an Anki collection: index ${label} ${problem}`);
      continue;
    }
    if (!KNOWN_TABLES.has(object.name.toLowerCase())) {
      throw refuse(
        `is not an Anki collection: it holds ${declared[1] === 'virtual' ? 'a virtual table' : 'a table'} ${label}, which Anki never creates`,
      );
    }
    const problem = plainTableProblem(tokens);
    if (problem !== null) throw refuse(`is not an Anki collection: table ${label} ${problem}`);
  }
}
