/** JSON.parse with its syntax errors turned into ParseErrors that name the line and column. */
import { ParseError } from '../parse-error.js';

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const offset = errorOffset(text, error);
    const before = text.slice(0, offset);
    const line = before.split(/\r\n|\r|\n/).length;
    const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    const found =
      offset >= text.length ? 'the end of the text' : `"${String.fromCodePoint(text.codePointAt(offset)!)}"`;
    throw new ParseError(`not valid JSON: unexpected ${found}`, line, column);
  }
}

/**
 * Where JSON.parse gave up. V8 names the position in some messages only, so otherwise the shortest failing
 * prefix is found by bisection: a prefix fails before its end exactly when it contains the fault.
 */
function errorOffset(text: string, error: SyntaxError): number {
  const position = /at position (\d+)/.exec(error.message);
  if (position) return Math.min(Number(position[1]), text.length);
  if (/Unexpected end of JSON input/.test(error.message)) return text.length;
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (failsInside(text.slice(0, middle))) bad = middle;
    else good = middle;
  }
  return Math.max(0, bad - 1);
}

function failsInside(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = (error as Error).message;
    if (/Unexpected end of JSON input/.test(message)) return false;
    const position = /at position (\d+)/.exec(message);
    return position === null || Number(position[1]) < prefix.length;
  }
}
