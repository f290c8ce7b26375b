/** Where the project's own files are, whether running from src/ (tests, tsx) or from the dist/ bundle. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'recall') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find Recall's package.json above ${start}`);
    dir = parent;
  }
}

export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

export const paths = {
  root: projectRoot,
  demoContent: join(projectRoot, 'content', 'demo'),
  publicAssets: join(projectRoot, 'dist', 'public'),
};
