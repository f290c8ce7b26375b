import type { Kysely } from 'kysely';
import type { Database } from '../tables.js';
import { markSetPageChanged, type PageChanged } from './set-page-version.repository.js';

export interface CommentRow {
  id: number;
  cardSetId: number;
  parentId: number | null;
  authorId: number;
  authorHandle: string;
  authorName: string;
  body: string;
  status: string;
  createdAt: number;
  editedAt: number | null;
}

export class CommentRepository {
  constructor(
    private readonly db: Kysely<Database>,
    /** Told of each set whose page a comment written here changed. */
    private readonly changed: PageChanged = () => undefined,
  ) {}

  private selectComments() {
    return this.db
      .selectFrom('comments as c')
      .innerJoin('users as u', 'u.id', 'c.author_id')
      .select([
        'c.id',
        'c.card_set_id as cardSetId',
        'c.parent_id as parentId',
        'c.author_id as authorId',
        'u.handle as authorHandle',
        'u.display_name as authorName',
        'c.body',
        'c.status',
        'c.created_at as createdAt',
        'c.edited_at as editedAt',
      ]);
  }

  async insert(comment: {
    cardSetId: number;
    authorId: number;
    parentId: number | null;
    body: string;
    now: number;
  }): Promise<number> {
    const { id } = await this.db
      .insertInto('comments')
      .values({
        card_set_id: comment.cardSetId,
        author_id: comment.authorId,
        parent_id: comment.parentId,
        body: comment.body,
        created_at: comment.now,
        updated_at: comment.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await markSetPageChanged(this.db, comment.cardSetId, this.changed);
    return id;
  }

  /** The set page showing the comment has changed. */
  private async pageChanged(commentId: number): Promise<void> {
    const { cardSetId } = await this.db
      .selectFrom('comments')
      .select('card_set_id as cardSetId')
      .where('id', '=', commentId)
      .executeTakeFirstOrThrow();
    await markSetPageChanged(this.db, cardSetId, this.changed);
  }

  async findById(id: number): Promise<CommentRow | undefined> {
    return this.selectComments().where('c.id', '=', id).executeTakeFirst();
  }

  /** A set's top-level comments, newest first. */
  async listTopLevel(cardSetId: number, limit: number): Promise<CommentRow[]> {
    return this.selectComments()
      .where('c.card_set_id', '=', cardSetId)
      .where('c.parent_id', 'is', null)
      .orderBy('c.id', 'desc')
      .limit(limit)
      .execute();
  }

  /** The replies to these comments, oldest first. */
  async listReplies(parentIds: readonly number[], limit: number): Promise<CommentRow[]> {
    if (parentIds.length === 0) return [];
    return this.selectComments()
      .where('c.parent_id', 'in', parentIds)
      .orderBy('c.id', 'asc')
      .limit(limit)
      .execute();
  }

  /** Changes the text of a visible comment; false when it is no longer visible. */
  async updateBody(id: number, body: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('comments')
      .set({ body, edited_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'visible')
      .executeTakeFirst();
    const changed = Number(result.numUpdatedRows) === 1;
    if (changed) await this.pageChanged(id);
    return changed;
  }

  /**
   * Deletion keeps the row (without its text) so that replies keep their place under "[deleted]";
   * a deleted comment without replies is simply not shown.
   */
  async markDeleted(id: number, now: number): Promise<void> {
    await this.db
      .updateTable('comments')
      .set({ status: 'deleted', body: '', updated_at: now })
      .where('id', '=', id)
      .execute();
    await this.pageChanged(id);
  }

  /** Moves a comment from one status to another; false when it was not in `from`. */
  async changeStatus(id: number, from: 'visible' | 'hidden', to: 'visible' | 'hidden', now: number) {
    const result = await this.db
      .updateTable('comments')
      .set({ status: to, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    const changed = Number(result.numUpdatedRows) === 1;
    if (changed) await this.pageChanged(id);
    return changed;
  }
}
