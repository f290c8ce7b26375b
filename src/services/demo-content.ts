/** The demo content shipped in content/demo, imported once into an empty database. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Type from 'typebox';
import Value from 'typebox/value';
import { EXAM_BOARDS, LEVELS, type ExamBoard, type Level } from '../domain/card-set.js';
import { slugify } from '../domain/slug.js';
import { parseRevisionText } from '../formats/revision-text/parse-revision-text.js';
import type { ServiceContext } from './context.js';
import { importCardSet } from './import-card-set.js';

const Manifest = Type.Array(
  Type.Object({
    file: Type.String({ pattern: '^[a-z0-9-]+\\.txt$' }),
    level: Type.Unsafe<Level>({ type: 'string', enum: [...LEVELS] }),
    examBoard: Type.Unsafe<ExamBoard>({ type: 'string', enum: [...EXAM_BOARDS] }),
    author: Type.String({ minLength: 1 }),
  }),
);

const DEMO_IMPORTED = 'demo_content_imported';

export interface DemoContentResult {
  imported: number;
  reason: 'imported' | 'database-not-empty' | 'already-imported';
}

/**
 * Imports every set of the manifest, all in one transaction, if the database holds no card set yet.
 * Several servers starting at once import it once: the first to claim the marker wins.
 */
export async function importDemoContent(ctx: ServiceContext, directory: string): Promise<DemoContentResult> {
  if ((await ctx.repos.appState.get(DEMO_IMPORTED)) !== undefined)
    return { imported: 0, reason: 'already-imported' };
  if ((await ctx.repos.cardSets.count()) > 0) return { imported: 0, reason: 'database-not-empty' };
  const manifest = Value.Parse(
    Manifest,
    JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8')),
  );
  const sets = await Promise.all(
    manifest.map(async (entry) => ({ entry, text: await readFile(join(directory, entry.file), 'utf8') })),
  );
  const now = ctx.clock.now().getTime();
  return ctx.transact(async (repos) => {
    if (!(await repos.appState.claim(DEMO_IMPORTED, new Date(now).toISOString(), now))) {
      return { imported: 0, reason: 'already-imported' as const };
    }
    const inTransaction: ServiceContext = { ...ctx, repos, transact: (work) => work(repos) };
    for (const { entry, text } of sets) {
      await importCardSet(inTransaction, {
        parsed: parseRevisionText(text),
        level: entry.level,
        examBoard: entry.examBoard,
        author: { handle: slugify(entry.author), displayName: entry.author },
        isDemo: true,
      });
    }
    return { imported: sets.length, reason: 'imported' as const };
  });
}
