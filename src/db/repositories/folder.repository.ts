import { sql, type Kysely } from 'kysely';
import { isUniqueViolation } from '../constraint-errors.js';
import type { Database } from '../tables.js';

export interface FolderRow {
  id: number;
  ownerId: number;
  name: string;
  createdAt: number;
}

export interface FolderEntryRow {
  folderId: number;
  cardSetId: number;
  addedAt: number;
}

/** Folder names are unique per member whatever their letter case (an index on lower(name) says so). */
export class FolderRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private selectFolders() {
    return this.db
      .selectFrom('folders')
      .select(['id', 'owner_id as ownerId', 'name', 'created_at as createdAt']);
  }

  /** Inserts a folder; undefined when the member already has one of that name. */
  async insertIfFree(ownerId: number, name: string, now: number): Promise<number | undefined> {
    const row = await this.db
      .insertInto('folders')
      .values({ owner_id: ownerId, name, created_at: now })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  async findById(id: number): Promise<FolderRow | undefined> {
    return this.selectFolders().where('id', '=', id).executeTakeFirst();
  }

  async findByName(ownerId: number, name: string): Promise<FolderRow | undefined> {
    return this.selectFolders()
      .where('owner_id', '=', ownerId)
      .where(sql`lower(name)`, '=', sql`lower(${name})`)
      .executeTakeFirst();
  }

  async listForOwner(ownerId: number): Promise<FolderRow[]> {
    return this.selectFolders().where('owner_id', '=', ownerId).orderBy('name').orderBy('id').execute();
  }

  async countForOwner(ownerId: number): Promise<number> {
    const row = await this.db
      .selectFrom('folders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_id', '=', ownerId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Every set in every folder of this member, most recently added first. */
  async listEntries(ownerId: number): Promise<FolderEntryRow[]> {
    return this.db
      .selectFrom('folder_sets as fs')
      .innerJoin('folders as f', 'f.id', 'fs.folder_id')
      .select(['fs.folder_id as folderId', 'fs.card_set_id as cardSetId', 'fs.added_at as addedAt'])
      .where('f.owner_id', '=', ownerId)
      .orderBy('fs.added_at', 'desc')
      .orderBy('fs.card_set_id', 'desc')
      .execute();
  }

  /** Renames; 'taken' when the member has another folder of that name. */
  async rename(id: number, name: string): Promise<'renamed' | 'taken'> {
    try {
      await this.db.updateTable('folders').set({ name }).where('id', '=', id).execute();
      return 'renamed';
    } catch (error) {
      if (isUniqueViolation(error)) return 'taken';
      throw error;
    }
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('folders').where('id', '=', id).execute();
  }

  async countSets(folderId: number): Promise<number> {
    const row = await this.db
      .selectFrom('folder_sets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('folder_id', '=', folderId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Adds a set; false when it was already in the folder. */
  async addSet(folderId: number, cardSetId: number, now: number): Promise<boolean> {
    const result = await this.db
      .insertInto('folder_sets')
      .values({ folder_id: folderId, card_set_id: cardSetId, added_at: now })
      .onConflict((oc) => oc.columns(['folder_id', 'card_set_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async removeSet(folderId: number, cardSetId: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('folder_sets')
      .where('folder_id', '=', folderId)
      .where('card_set_id', '=', cardSetId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Which of this member's folders hold the set. */
  async listFolderIdsHolding(ownerId: number, cardSetId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('folder_sets as fs')
      .innerJoin('folders as f', 'f.id', 'fs.folder_id')
      .select('fs.folder_id as folderId')
      .where('f.owner_id', '=', ownerId)
      .where('fs.card_set_id', '=', cardSetId)
      .execute();
    return rows.map((row) => row.folderId);
  }
}
