import {
  assertValidCardSetDraft,
  type CardDraft,
  type CardSetDraft,
  type ExamBoard,
  type Level,
  type Visibility,
} from '../domain/card-set.js';
import { AppError } from '../domain/errors.js';
import { storedLanguage } from './card-set-mapping.js';
import { clozeNumbers } from '../domain/study/cloze.js';
import { normaliseTags } from '../domain/tags.js';
import type { NewCardSet } from '../db/tables.js';
import type { ImportedReview } from '../formats/card-set-document.js';
import { storeProgress, type BroughtProgress } from './study/import-progress.js';
import type { ServiceContext } from './context.js';
import { ensureSystemUser, type SystemUser } from './system-users.js';

/** A set read from a file, with what the file could not say supplied by the person importing it. */
export interface ImportCardSetInput {
  parsed: {
    title: string;
    subtitle: string | null;
    subject: string | null;
    topic: string | null;
    /** A BCP 47 tag, when the file says. */
    language?: string | null;
    /** The set's own tags (absent: none). */
    tags?: string[] | undefined;
    cards: CardDraft[];
  };
  /** Overrides the subject / topic found in the text. */
  subject?: string | undefined;
  topic?: string | undefined;
  level?: Level | null | undefined;
  examBoard?: ExamBoard | null | undefined;
  visibility?: Visibility | undefined;
  author: SystemUser;
  isDemo?: boolean;
  /** The review history to bring as this learner's progress (see import-progress.ts). */
  progress?: { userId: number; history: readonly ImportedReview[] } | undefined;
}

export interface ImportedCardSet {
  id: number;
  title: string;
  cardCount: number;
  /** The review history brought with it as the learner's progress, when one was. */
  progress?: BroughtProgress;
}

/** Builds the draft an import would store, or throws a validation error naming each field at fault. */
export function draftFromImport(input: ImportCardSetInput): CardSetDraft {
  const subject = input.subject ?? input.parsed.subject;
  if (subject === null || subject.trim() === '') {
    throw new AppError(
      'validation',
      'The text names no subject; choose one (for example --subject History).',
      [
        {
          field: 'subject',
          message: 'This is required: nothing in it says which subject the cards belong to.',
        },
      ],
    );
  }
  const draft: CardSetDraft = {
    title: input.parsed.title,
    subtitle: input.parsed.subtitle,
    subject: subject.trim(),
    topic: (input.topic ?? input.parsed.topic)?.trim() || null,
    level: input.level ?? null,
    examBoard: input.examBoard ?? null,
    visibility: input.visibility ?? 'public',
    language: input.parsed.language ?? null,
    tags: normaliseTags(input.parsed.tags ?? []),
    cards: input.parsed.cards.map(importedCard),
  };
  assertValidCardSetDraft(draft);
  return draft;
}

/**
 * A card as a file gave it, with what Recall would study anyway made explicit rather than refused: a
 * cloze card without a well-formed deletion is a basic card (its text is kept as written), a reversible
 * card without a title (nothing to answer with) is not reversed; tags are normalised.
 */
function importedCard(card: CardDraft): CardDraft {
  const kind = card.kind === 'cloze' && clozeNumbers(card.body).length > 0 ? 'cloze' : 'basic';
  const reversible = kind === 'basic' && card.reversible === true && (card.title ?? '').trim() !== '';
  return {
    title: card.title,
    body: card.body,
    kind,
    reversible,
    tags: normaliseTags(card.tags ?? []),
  };
}

/** Stores a parsed set in one transaction: the set, its subject and topic, and every card, or nothing. */
export async function importCardSet(
  ctx: ServiceContext,
  input: ImportCardSetInput,
): Promise<ImportedCardSet> {
  const [imported] = await importCardSets(ctx, [input]);
  return imported!;
}

/**
 * The drafts the inputs would store, checked: throws a validation error naming the set at fault, by its
 * number in the import (counted from `first`) when the import has several.
 */
export function checkedDrafts(
  inputs: readonly ImportCardSetInput[],
  numbering: { first: number; several: boolean } = { first: 1, several: inputs.length > 1 },
): CardSetDraft[] {
  return inputs.map((input, index) => {
    try {
      return draftFromImport(input);
    } catch (error) {
      if (error instanceof AppError && numbering.several) {
        throw new AppError(
          error.code,
          `Set ${numbering.first + index} ("${input.parsed.title}"): ${error.message}`,
          error.details,
        );
      }
      throw error;
    }
  });
}

/** Told the number of cards stored so far (inside the transaction: nothing is committed yet). */
type ImportProgress = (cards: number) => void;

/**
 * Stores many parsed sets in one transaction (all of them or none): what bulk imports call, batch by
 * batch. Every draft is checked before anything is written; a problem names the set at fault.
 */
export async function importCardSets(
  ctx: ServiceContext,
  inputs: readonly ImportCardSetInput[],
  onProgress?: ImportProgress,
): Promise<ImportedCardSet[]> {
  const drafts = checkedDrafts(inputs);
  return storeCardSets(ctx, [inputs.map((input, at) => ({ input, draft: drafts[at]! }))], onProgress);
}

/**
 * Stores sets given a batch at a time, in one transaction (all of them or none), so that a long import
 * holds only a batch of them at once (`recall import` unpacks a file's sets pack by pack). Each batch is
 * checked as it comes; a problem rolls back everything stored before it and names the set at fault.
 */
export async function importCardSetBatches(
  ctx: ServiceContext,
  batches: Iterable<readonly ImportCardSetInput[]>,
  onProgress?: ImportProgress,
): Promise<ImportedCardSet[]> {
  function* checked() {
    let first = 1;
    for (const inputs of batches) {
      const drafts = checkedDrafts(inputs, { first, several: true });
      first += inputs.length;
      yield inputs.map((input, at) => ({ input, draft: drafts[at]! }));
    }
  }
  return storeCardSets(ctx, checked(), onProgress);
}

async function storeCardSets(
  ctx: ServiceContext,
  batches: Iterable<readonly { input: ImportCardSetInput; draft: CardSetDraft }[]>,
  onProgress?: ImportProgress,
): Promise<ImportedCardSet[]> {
  const now = ctx.clock.now().getTime();
  return ctx.transact(async (repos) => {
    const authors = new Map<string, number>();
    const places = new Map<string, { subjectId: number; topicId: number | null }>();
    const imported: ImportedCardSet[] = [];
    let pendingSets: { row: NewCardSet; draft: CardSetDraft; input: ImportCardSetInput }[] = [];
    let pendingCount = 0;
    let stored = 0;
    // Sets, their cards and their search documents go in every few thousand cards, so that progress can be told.
    const flush = async () => {
      if (pendingSets.length === 0) return;
      const ids = await repos.cardSets.insertMany(pendingSets.map((set) => set.row));
      const written = pendingSets.map((set, at) => ({ setId: ids[at]!, draft: set.draft }));
      await repos.cardSets.insertCardsOfSets(
        written.map(({ setId, draft }) => ({ setId, cards: draft.cards })),
      );
      await repos.tags.insertSetTags(written.map(({ setId, draft }) => ({ setId, tags: draft.tags ?? [] })));
      await repos.tags.insertCardTagsOfSets(
        written.map(({ setId, draft }) => ({ setId, cards: draft.cards })),
      );
      await repos.search.index(ids);
      const learning = pendingSets.flatMap(({ input }, at) =>
        input.progress === undefined || input.progress.history.length === 0
          ? []
          : [{ setId: ids[at]!, progress: input.progress }],
      );
      const brought = new Map<number, BroughtProgress>();
      if (learning.length > 0) {
        const cardsOf = await repos.cardSets.findCardsOfSets(learning.map((set) => set.setId));
        for (const { setId, progress } of learning) {
          brought.set(
            setId,
            await storeProgress(
              repos,
              { userId: progress.userId, setId },
              cardsOf.get(setId) ?? [],
              progress.history,
              new Date(now),
            ),
          );
        }
      }
      pendingSets.forEach(({ draft }, at) => {
        const progress = brought.get(ids[at]!);
        imported.push({
          id: ids[at]!,
          title: draft.title,
          cardCount: draft.cards.length,
          ...(progress === undefined ? {} : { progress }),
        });
      });
      stored += pendingCount;
      pendingSets = [];
      pendingCount = 0;
      onProgress?.(stored);
    };
    for (const batch of batches)
      for (const { input, draft } of batch) {
        let authorId = authors.get(input.author.handle);
        if (authorId === undefined) {
          authorId = await ensureSystemUser(repos, input.author, now);
          authors.set(input.author.handle, authorId);
        }
        const placeKey = `${draft.subject}\u0000${draft.topic ?? ''}`;
        let place = places.get(placeKey);
        if (place === undefined) {
          const subject = await repos.subjects.findOrCreate(draft.subject, now);
          const topic =
            draft.topic === null ? null : await repos.topics.findOrCreate(subject.id, draft.topic, now);
          place = { subjectId: subject.id, topicId: topic?.id ?? null };
          places.set(placeKey, place);
        }
        pendingSets.push({
          draft,
          input,
          row: {
            title: draft.title,
            subtitle: draft.subtitle,
            subject_id: place.subjectId,
            topic_id: place.topicId,
            level: draft.level,
            exam_board: draft.examBoard,
            author_id: authorId,
            visibility: draft.visibility,
            language: storedLanguage(draft.language),
            is_demo: input.isDemo === true ? 1 : 0,
            card_count: draft.cards.length,
            created_at: now,
            updated_at: now,
          },
        });
        pendingCount += draft.cards.length;
        if (pendingCount >= 5_000) await flush();
      }
    await flush();
    return imported;
  });
}
