#!/usr/bin/env node
// The `recall` command runs the bundle built by `npm run build` (run automatically by `npm ci` and `npm start`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/recall.js', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('recall: not built yet; run "npm run build" first.\n');
  process.exit(1);
}
await import(bundle);
