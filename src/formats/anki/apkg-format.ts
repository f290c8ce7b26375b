/** Anki packages behind the CardSetFormat interface. */
import type { CardSetFormat } from '../card-set-format.js';
import { readAnkiPackage } from './anki-package-reader.js';
import { writeAnkiPackage } from './anki-package-writer.js';
import { isZip } from './zip-archive.js';

export const apkgFormat: CardSetFormat = {
  id: 'apkg',
  label: 'Anki package',
  extension: '.apkg',
  mediaType: 'application/apkg',
  detect: (input) => isZip(input),
  read: (input, options) => readAnkiPackage(input, options),
  write: (document, { now }) => writeAnkiPackage(document, now),
};
