import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/app/paths.js';

/** The seed set exactly as shipped in the demo content (a scraped page: typos, no-break spaces and all). */
export const seedText = (): string =>
  readFileSync(join(projectRoot, 'content', 'demo', 'persecution-and-control.txt'), 'utf8');

export const fixtureText = (name: string): string =>
  readFileSync(join(projectRoot, 'test', 'fixtures', name), 'utf8');
