import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../../src/app/paths.js';

/** A file under test/fixtures, as bytes. */
export const fixtureBytes = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(projectRoot, 'test', 'fixtures', name)));
