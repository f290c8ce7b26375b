/** The files named on the command line, with folders searched recursively (hidden entries left out). */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface FoundFile {
  path: string;
  /** Named on the command line (rather than found in a folder). */
  named: boolean;
  bytes: number;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface FoundFiles {
  files: FoundFile[];
  skipped: SkippedFile[];
}

/** Throws (ENOENT: "No such file") for a path that does not exist. */
export async function findCardFiles(paths: readonly string[]): Promise<FoundFiles> {
  const found: FoundFiles = { files: [], skipped: [] };
  for (const path of paths) {
    const info = await stat(path);
    if (info.isDirectory()) await walk(path, found);
    else found.files.push({ path, named: true, bytes: info.size });
  }
  return found;
}

async function walk(folder: string, found: FoundFiles): Promise<void> {
  const entries: Dirent[] = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      await walk(path, found);
    } else if (entry.isFile()) {
      found.files.push({ path, named: false, bytes: (await stat(path)).size });
    } else if (entry.isSymbolicLink()) {
      // Linked files are read; linked folders are not followed (they may loop).
      const target = await stat(path).catch(() => null);
      if (target?.isFile() === true) found.files.push({ path, named: false, bytes: target.size });
      else found.skipped.push({ path, reason: 'a link to a folder or to nothing; not followed' });
    }
  }
}
