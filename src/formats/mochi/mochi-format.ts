/** Mochi's `.mochi` archives and `---`-separated Markdown cards, read only. */
import { isZip, readZipDirectory } from '../anki/zip-archive.js';
import type { CardSetReader } from '../card-set-format.js';
import { sniffText } from '../text-input.js';
import { MOCHI_DATA_ENTRIES, readMochi } from './read-mochi.js';

export function isMochiArchive(input: Uint8Array): boolean {
  if (!isZip(input)) return false;
  try {
    return readZipDirectory(input).some((entry) =>
      (MOCHI_DATA_ENTRIES as readonly string[]).includes(entry.name),
    );
  } catch {
    return false;
  }
}

/** A `---` line right under a line of words (a front touching its separator), not front matter. */
const hasSides = (lines: readonly string[]): boolean =>
  lines.some((line, at) => at > 0 && /^-{3}\s*$/.test(line) && lines[at - 1]!.trim() !== '');

export const isMochiMarkdown = (input: Uint8Array): boolean => {
  if (isZip(input)) return false;
  const text = sniffText(input);
  return !text.trimStart().startsWith('---') && hasSides(text.split(/\r\n|\r|\n/));
};

export const mochiFormat: CardSetReader = {
  id: 'mochi',
  label: 'Mochi cards (.mochi, or Markdown with --- between sides)',
  extension: '.mochi',
  detect: (input) => isMochiArchive(input) || isMochiMarkdown(input),
  read: (input, options) => readMochi(input, options),
};
