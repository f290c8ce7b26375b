/** Writing card sets: create, edit (with conflict detection and revision history), delete. */
import type { Repositories } from '../db/repositories/index.js';
import { canDelete, canEdit, canView } from '../domain/card-set-access.js';
import {
  assertValidCardSetDraft,
  type CardKind,
  type CardSetDraft,
  type CardSetSummary,
} from '../domain/card-set.js';
import { AppError, notFound } from '../domain/errors.js';
import { summariseChanges, type CardSetSnapshot } from '../domain/revision-summary.js';
import { normaliseTags } from '../domain/tags.js';
import type { Actor } from '../domain/viewer.js';
import { storedLanguage, toAccessFacts, toCardSetSummary } from './card-set-mapping.js';
import type { ServiceContext } from './context.js';

/**
 * A card in the editor: existing cards keep their id, so that study progress follows them. Kind,
 * reversibility and tags left out keep what the card had (a new card: basic, one way, no tags).
 */
export interface EditedCard {
  id: number | null;
  title: string | null;
  body: string;
  kind?: CardKind | undefined;
  reversible?: boolean | undefined;
  tags?: string[] | undefined;
}

/** A set's tags left out keep what the set had. */
export interface CardSetEdit extends Omit<CardSetDraft, 'cards'> {
  cards: EditedCard[];
}

export interface EditableCardSet {
  summary: CardSetSummary;
  revision: number;
  edit: CardSetEdit;
}

export interface Revision {
  revision: number;
  summary: string;
  createdAt: Date;
  editor: { handle: string; displayName: string };
}

const forbidden = () =>
  new AppError('forbidden', 'Only the author of this card set (or an admin) may change it.');

/** An empty subtitle or topic is no subtitle or topic. */
const blankToNull = (value: string | null): string | null =>
  value === null || value.trim() === '' ? null : value;

function draftOf(edit: CardSetEdit): CardSetDraft {
  return {
    ...edit,
    subtitle: blankToNull(edit.subtitle),
    topic: blankToNull(edit.topic),
    ...(edit.tags === undefined ? {} : { tags: normaliseTags(edit.tags) }),
    cards: edit.cards.map(({ title, body, kind, reversible, tags }) => ({
      title,
      body,
      ...(kind === undefined ? {} : { kind }),
      ...(reversible === undefined ? {} : { reversible }),
      ...(tags === undefined ? {} : { tags: normaliseTags(tags) }),
    })),
  };
}

/** The edit's cards with what they leave out taken from the cards as stored. */
function resolveCards(
  draft: CardSetDraft,
  edit: CardSetEdit,
  stored: ReadonlyMap<number, { kind: CardKind; reversible: boolean; tags: string[] }>,
) {
  return draft.cards.map((card, index) => {
    const id = edit.cards[index]!.id;
    const before = id === null ? undefined : stored.get(id);
    return {
      id,
      title: card.title,
      body: card.body,
      kind: card.kind ?? before?.kind ?? 'basic',
      reversible: card.reversible ?? before?.reversible ?? false,
      tags: card.tags ?? before?.tags ?? [],
    };
  });
}

/**
 * An existing card may appear once in an edit: given twice, saving would keep one copy and delete the
 * card whose place it took. Refused, naming the card, before anything is written.
 */
function assertEachCardOnce(cards: readonly EditedCard[]): void {
  const seen = new Set<number>();
  for (const card of cards) {
    if (card.id === null) continue;
    if (seen.has(card.id)) {
      throw new AppError('validation', `Card ${card.id} appears more than once in this edit.`, [
        {
          field: 'cards',
          message: `Card ${card.id} is given twice: each card of the set may appear once (new cards have no id).`,
        },
      ]);
    }
    seen.add(card.id);
  }
}

async function placeInCatalogue(
  repos: Repositories,
  edit: { subject: string; topic: string | null },
  now: number,
) {
  const subject = await repos.subjects.findOrCreate(edit.subject, now);
  const topic = edit.topic === null ? null : await repos.topics.findOrCreate(subject.id, edit.topic, now);
  return { subjectId: subject.id, topicId: topic?.id ?? null };
}

export async function createCardSet(
  ctx: ServiceContext,
  actor: Actor,
  edit: CardSetEdit,
): Promise<{ id: number }> {
  const draft = draftOf(edit);
  assertValidCardSetDraft(draft);
  const now = ctx.clock.now().getTime();
  return ctx.transact(async (repos) => {
    const { subjectId, topicId } = await placeInCatalogue(repos, draft, now);
    const id = await repos.cardSets.insert(
      {
        title: draft.title,
        subtitle: draft.subtitle,
        subject_id: subjectId,
        topic_id: topicId,
        level: draft.level,
        exam_board: draft.examBoard,
        author_id: actor.userId,
        visibility: draft.visibility,
        language: storedLanguage(draft.language),
        card_count: draft.cards.length,
        created_at: now,
        updated_at: now,
      },
      draft.cards,
    );
    await repos.tags.insertSetTags([{ setId: id, tags: draft.tags ?? [] }]);
    await repos.tags.insertCardTagsOfSets([{ setId: id, cards: draft.cards }]);
    await repos.search.index([id]);
    return { id };
  });
}

/** A snapshot of the set as stored: every card with its kind, reversibility and tags. */
interface StoredSnapshot extends CardSetSnapshot {
  tags: string[];
  cards: {
    id: number;
    title: string | null;
    body: string;
    kind: CardKind;
    reversible: boolean;
    tags: string[];
  }[];
}

async function loadSnapshot(
  repos: Repositories,
  id: number,
  summary: CardSetSummary,
): Promise<StoredSnapshot> {
  const [cards, tags, cardTags] = await Promise.all([
    repos.cardSets.findCards(id),
    repos.tags.findSetTags(id),
    repos.tags.findCardTags(id),
  ]);
  return {
    title: summary.title,
    subtitle: summary.subtitle,
    subject: summary.subject.name,
    topic: summary.topic?.name ?? null,
    level: summary.level,
    examBoard: summary.examBoard,
    visibility: summary.visibility,
    language: summary.language,
    tags,
    cards: cards.map((card) => ({
      id: card.id,
      title: card.title,
      body: card.body,
      kind: card.kind === 'cloze' ? ('cloze' as const) : ('basic' as const),
      reversible: card.reversible === 1,
      tags: cardTags.get(card.id) ?? [],
    })),
  };
}

/** The set as its editor sees it; only for those who may edit it. */
export async function getEditableCardSet(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<EditableCardSet> {
  const row = await ctx.repos.cardSets.findSummary(id);
  if (row === undefined || !canView(actor, toAccessFacts(row))) throw notFound(`Card set ${id}`);
  if (!canEdit(actor, toAccessFacts(row))) throw forbidden();
  const summary = toCardSetSummary(row);
  const snapshot = await loadSnapshot(ctx.repos, id, summary);
  return {
    summary,
    revision: row.revision,
    edit: {
      ...snapshot,
      level: summary.level,
      examBoard: summary.examBoard,
      visibility: summary.visibility,
      language: summary.language,
    },
  };
}

export class EditConflictError extends AppError {
  override name = 'EditConflictError';
  constructor(
    readonly currentRevision: number,
    readonly lastEditor: string | null,
  ) {
    super(
      'conflict',
      `Someone else saved this card set after you opened it${lastEditor === null ? '' : ` (${lastEditor})`}. ` +
        'Your changes are below and have not been saved: check the set as it is now, then save again to keep yours.',
    );
  }
}

/**
 * Saves an edit made to `expectedRevision`. If anyone saved in between, nothing is written and an
 * EditConflictError says so: the second editor never overwrites the first without seeing it.
 */
export async function updateCardSet(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  expectedRevision: number,
  edit: CardSetEdit,
): Promise<{ revision: number; summary: string }> {
  const draft = draftOf(edit);
  assertValidCardSetDraft(draft);
  assertEachCardOnce(edit.cards);
  const now = ctx.clock.now().getTime();
  return ctx.transact(async (repos) => {
    const row = await repos.cardSets.findSummary(id);
    if (row === undefined || !canView(actor, toAccessFacts(row))) throw notFound(`Card set ${id}`);
    if (!canEdit(actor, toAccessFacts(row))) throw forbidden();
    const existing = await repos.cardSets.findCards(id);
    const existingIds = new Set(existing.map((card) => card.id));
    const stray = edit.cards.find((card) => card.id !== null && !existingIds.has(card.id));
    if (stray !== undefined && row.revision === expectedRevision) {
      throw new AppError('validation', `Card ${stray.id} in this edit does not belong to this set.`, [
        { field: 'cards', message: `Card ${stray.id} is not in this set.` },
      ]);
    }
    const before = await loadSnapshot(repos, id, toCardSetSummary(row));
    // An edit that does not mention the language (an older API client) keeps it.
    const language = draft.language === undefined ? row.language : storedLanguage(draft.language);
    const cards = resolveCards(draft, edit, new Map(before.cards.map((card) => [card.id, card])));
    const tags = draft.tags ?? before.tags;
    // What the edit left out now comes from the stored cards: check the whole again.
    assertValidCardSetDraft({ ...draft, tags, cards });
    const { subjectId, topicId } = await placeInCatalogue(repos, draft, now);
    const updated = await repos.cardSets.updateIfRevision(id, expectedRevision, {
      title: draft.title,
      subtitle: draft.subtitle,
      subject_id: subjectId,
      topic_id: topicId,
      level: draft.level,
      exam_board: draft.examBoard,
      visibility: draft.visibility,
      language,
      card_count: draft.cards.length,
      updated_at: now,
    });
    if (!updated) {
      const [last] = await repos.revisions.list(id);
      throw new EditConflictError(row.revision, last === undefined ? null : last.editorName);
    }
    const ids = await repos.cardSets.replaceCards(id, cards);
    await repos.tags.replaceSetTags(id, tags);
    await repos.tags.replaceCardTags(
      id,
      cards.map((card, index) => ({ cardId: ids[index]!, tags: card.tags })),
    );
    await repos.search.reindex([id]);
    const after: CardSetSnapshot = {
      ...before,
      title: draft.title,
      subtitle: draft.subtitle,
      subject: draft.subject,
      topic: draft.topic,
      level: draft.level,
      examBoard: draft.examBoard,
      visibility: draft.visibility,
      language,
      tags,
      cards: cards.map((card, index) => ({ ...card, id: ids[index]! })),
    };
    const summary = summariseChanges(before, after);
    await repos.revisions.insert({
      card_set_id: id,
      revision: expectedRevision + 1,
      editor_id: actor.userId,
      summary,
      snapshot: JSON.stringify(after),
      created_at: now,
    });
    return { revision: expectedRevision + 1, summary };
  });
}

export async function deleteCardSet(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  await ctx.transact(async (repos) => {
    const row = await repos.cardSets.findSummary(id);
    if (row === undefined || !canView(actor, toAccessFacts(row))) throw notFound(`Card set ${id}`);
    if (!canDelete(actor, toAccessFacts(row))) throw forbidden();
    await repos.search.remove(id);
    await repos.cardSets.delete(id);
  });
}

/** Who changed the set, when, and what, newest first; the creation is the last entry. */
export async function listRevisions(
  ctx: ServiceContext,
  viewer: Actor | null,
  id: number,
): Promise<{ set: CardSetSummary; revisions: Revision[] }> {
  const row = await ctx.repos.cardSets.findSummary(id);
  if (row === undefined || !canView(viewer, toAccessFacts(row))) throw notFound(`Card set ${id}`);
  const set = toCardSetSummary(row);
  const rows = await ctx.repos.revisions.list(id);
  const revisions: Revision[] = rows.map((r) => ({
    revision: r.revision,
    summary: r.summary,
    createdAt: new Date(r.createdAt),
    editor: { handle: r.editorHandle, displayName: r.editorName },
  }));
  revisions.push({ revision: 1, summary: 'Created the set', createdAt: set.createdAt, editor: set.author });
  return { set, revisions };
}
