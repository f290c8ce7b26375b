/**
 * The English dictionary that typo tolerance checks against (a typo must not make another word): the
 * `word-list` package's ~274,000 lower-case words, read once on first use (a Set of about 20 MB), shared by
 * every test that is marked.
 */
import { readFile } from 'node:fs/promises';
import wordListPath from 'word-list';

let loading: Promise<ReadonlySet<string>> | undefined;

export function englishWords(): Promise<ReadonlySet<string>> {
  loading ??= readFile(wordListPath, 'utf8').then(
    (text) => new Set(text.split('\n').filter((word) => word !== '')),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
