/** "Save to my folders": named folders of card sets, each member's own. */
import type { Repositories } from '../db/repositories/index.js';
import { canView } from '../domain/card-set-access.js';
import type { CardSetSummary } from '../domain/card-set.js';
import { COMMUNITY_LIMITS, folderNameProblems } from '../domain/community.js';
import { AppError, notFound } from '../domain/errors.js';
import type { Actor } from '../domain/viewer.js';
import { toAccessFacts, toCardSetSummary } from './card-set-mapping.js';
import type { ServiceContext } from './context.js';
import { findSetToTakePartIn } from './viewable-set.js';

export interface Folder {
  id: number;
  name: string;
  createdAt: Date;
}

export interface FolderWithSets extends Folder {
  /** Only the sets the member may still see, most recently added first. */
  sets: CardSetSummary[];
}

/** A folder as the "Save to my folders" form offers it. */
export interface FolderChoice {
  id: number;
  name: string;
  holdsSet: boolean;
}

const toFolder = (row: { id: number; name: string; createdAt: number }): Folder => ({
  id: row.id,
  name: row.name,
  createdAt: new Date(row.createdAt),
});

function assertValidName(name: string, field = 'name'): string {
  const problems = folderNameProblems(name, field);
  if (problems.length > 0) throw new AppError('validation', 'The folder name is not valid.', problems);
  return name.trim();
}

const nameTaken = (name: string, field = 'name') =>
  new AppError('conflict', `You already have a folder called “${name}”.`, [
    { field, message: `You already have a folder called “${name}”: choose another name.` },
  ]);

/** The member's own folder; anyone else's is "not found". */
async function findOwnFolder(repos: Repositories, actor: Actor, id: number) {
  const folder = await repos.folders.findById(id);
  if (folder === undefined || folder.ownerId !== actor.userId) throw notFound(`Folder ${id}`);
  return folder;
}

async function assertRoomForAnother(repos: Repositories, actor: Actor, field: string) {
  if ((await repos.folders.countForOwner(actor.userId)) >= COMMUNITY_LIMITS.foldersPerMember) {
    throw new AppError('validation', 'You have as many folders as Recall allows.', [
      {
        field,
        message: `You can keep up to ${COMMUNITY_LIMITS.foldersPerMember} folders: delete one to make room.`,
      },
    ]);
  }
}

/** A full folder takes no more sets (one it already holds may be saved again: nothing changes). */
async function assertRoomInFolder(
  repos: Repositories,
  actor: Actor,
  folderId: number,
  setId: number,
  field: string,
) {
  if ((await repos.folders.countSets(folderId)) < COMMUNITY_LIMITS.setsPerFolder) return;
  if ((await repos.folders.listFolderIdsHolding(actor.userId, setId)).includes(folderId)) return;
  throw new AppError('validation', 'This folder is full.', [
    {
      field,
      message: `A folder holds up to ${COMMUNITY_LIMITS.setsPerFolder} sets: choose another, or make a new one.`,
    },
  ]);
}

export async function listFolders(ctx: ServiceContext, actor: Actor): Promise<FolderWithSets[]> {
  const folders = await ctx.repos.folders.listForOwner(actor.userId);
  const entries = await ctx.repos.folders.listEntries(actor.userId);
  const rows = await ctx.repos.cardSets.findSummaries([...new Set(entries.map((e) => e.cardSetId))]);
  const visible = new Map(
    rows.filter((row) => canView(actor, toAccessFacts(row))).map((row) => [row.id, toCardSetSummary(row)]),
  );
  return folders.map((folder) => ({
    ...toFolder(folder),
    sets: entries.flatMap((entry) => {
      const set = entry.folderId === folder.id ? visible.get(entry.cardSetId) : undefined;
      return set === undefined ? [] : [set];
    }),
  }));
}

export async function getFolder(ctx: ServiceContext, actor: Actor, id: number): Promise<Folder> {
  return toFolder(await findOwnFolder(ctx.repos, actor, id));
}

export async function createFolder(
  ctx: ServiceContext,
  actor: Actor,
  input: { name: string },
): Promise<Folder> {
  const name = assertValidName(input.name);
  await assertRoomForAnother(ctx.repos, actor, 'name');
  const now = ctx.clock.now().getTime();
  const id = await ctx.repos.folders.insertIfFree(actor.userId, name, now);
  if (id === undefined) throw nameTaken(name);
  return { id, name, createdAt: new Date(now) };
}

export async function renameFolder(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  input: { name: string },
): Promise<Folder> {
  const folder = await findOwnFolder(ctx.repos, actor, id);
  const name = assertValidName(input.name);
  if (name !== folder.name && (await ctx.repos.folders.rename(id, name)) === 'taken') throw nameTaken(name);
  return { ...toFolder(folder), name };
}

export async function deleteFolder(ctx: ServiceContext, actor: Actor, id: number): Promise<Folder> {
  const folder = await findOwnFolder(ctx.repos, actor, id);
  await ctx.repos.folders.delete(id);
  return toFolder(folder);
}

/** Where to save a set: a folder the member has, or a new one named here (reused if it exists). */
export type SaveTarget = { folderId: number } | { newFolderName: string };

export interface SavedToFolder {
  folder: Folder;
  /** False when the set was already in the folder. */
  added: boolean;
  /** True when the folder was made by this save. */
  createdFolder: boolean;
}

export async function saveSetToFolder(
  ctx: ServiceContext,
  actor: Actor,
  setId: number,
  target: SaveTarget,
): Promise<SavedToFolder> {
  await findSetToTakePartIn(ctx.repos, actor, setId);
  const now = ctx.clock.now().getTime();
  if ('folderId' in target) {
    const folder = await findOwnFolder(ctx.repos, actor, target.folderId);
    await assertRoomInFolder(ctx.repos, actor, folder.id, setId, 'folderId');
    const added = await ctx.repos.folders.addSet(folder.id, setId, now);
    return { folder: toFolder(folder), added, createdFolder: false };
  }
  const name = assertValidName(target.newFolderName, 'newFolderName');
  return ctx.transact(async (repos) => {
    let folder = await repos.folders.findByName(actor.userId, name);
    let createdFolder = false;
    if (folder === undefined) {
      await assertRoomForAnother(repos, actor, 'newFolderName');
      const id = await repos.folders.insertIfFree(actor.userId, name, now);
      folder =
        id === undefined
          ? await repos.folders.findByName(actor.userId, name)
          : await repos.folders.findById(id);
      createdFolder = id !== undefined;
    }
    if (folder === undefined) throw nameTaken(name, 'newFolderName');
    await assertRoomInFolder(repos, actor, folder.id, setId, 'newFolderName');
    const added = await repos.folders.addSet(folder.id, setId, now);
    return { folder: toFolder(folder), added, createdFolder };
  });
}

/** Takes a set out of one of your folders (nothing happens if it was not there). */
export async function removeSetFromFolder(
  ctx: ServiceContext,
  actor: Actor,
  folderId: number,
  setId: number,
): Promise<{ folder: Folder; removed: boolean }> {
  const folder = await findOwnFolder(ctx.repos, actor, folderId);
  const removed = await ctx.repos.folders.removeSet(folderId, setId);
  return { folder: toFolder(folder), removed };
}

export async function loadFolderChoices(
  repos: Repositories,
  actor: Actor,
  setId: number,
): Promise<FolderChoice[]> {
  const folders = await repos.folders.listForOwner(actor.userId);
  const holding = new Set(await repos.folders.listFolderIdsHolding(actor.userId, setId));
  return folders.map((folder) => ({ id: folder.id, name: folder.name, holdsSet: holding.has(folder.id) }));
}
