import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../../src/app/paths.js';
import type { StudySet } from '../../../../src/domain/study/question-types.js';
import { parseRevisionText } from '../../../../src/formats/revision-text/parse-revision-text.js';
import { seedText } from '../../../helpers/fixtures.js';

/** A parsed revision-text set with its cards numbered from 1, as stored sets are. */
export function studySetFrom(text: string): StudySet & { subject: string | null } {
  const parsed = parseRevisionText(text);
  return {
    title: parsed.title,
    subject: parsed.subject,
    cards: parsed.cards.map((card, index) => ({ position: index + 1, title: card.title, body: card.body })),
  };
}

export const seedSet = () => studySetFrom(seedText());

/** The 7 demo sets written by the Recall team (the seed excluded). */
export function demoSets(): (StudySet & { subject: string | null; file: string })[] {
  const dir = join(projectRoot, 'content', 'demo');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt') && file !== 'persecution-and-control.txt')
    .sort()
    .map((file) => ({ file, ...studySetFrom(readFileSync(join(dir, file), 'utf8')) }));
}

export const seedCard = (position: number) => {
  const card = seedSet().cards.find((c) => c.position === position);
  if (card === undefined) throw new Error(`no card ${position}`);
  return card;
};
