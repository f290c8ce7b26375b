/** The history of a set's edits: one row per saved revision, with who made it and what changed. */
import type { Insertable, Kysely } from 'kysely';
import type { CardSetRevisionsTable, Database } from '../tables.js';

export class CardSetRevisionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(revision: Insertable<CardSetRevisionsTable>): Promise<void> {
    await this.db.insertInto('card_set_revisions').values(revision).execute();
  }

  async list(cardSetId: number) {
    return this.db
      .selectFrom('card_set_revisions as r')
      .innerJoin('users as u', 'u.id', 'r.editor_id')
      .select([
        'r.revision',
        'r.summary',
        'r.created_at as createdAt',
        'u.handle as editorHandle',
        'u.display_name as editorName',
      ])
      .where('r.card_set_id', '=', cardSetId)
      .orderBy('r.revision', 'desc')
      .execute();
  }
}
