/**
 * Formats that write a cloze card as its text (Markdown, revision-card text) read it back by its syntax:
 * a body holding a well-formed `{{c1::…}}` deletion is a cloze card.
 */
import type { CardDraft } from '../domain/card-set.js';
import { clozeNumbers } from '../domain/study/cloze.js';

export const clozeKindOf = (body: string): Pick<CardDraft, 'kind'> =>
  clozeNumbers(body).length > 0 ? { kind: 'cloze' } : {};
