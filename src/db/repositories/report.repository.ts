import type { Kysely } from 'kysely';
import type { Database } from '../tables.js';

export interface OpenReportRow {
  id: number;
  targetType: string;
  targetId: number;
  reason: string;
  createdAt: number;
  reporterHandle: string;
  reporterName: string;
  /** The reported comment, when the target is a comment that still exists. */
  commentBody: string | null;
  commentStatus: string | null;
  commentAuthorHandle: string | null;
  commentAuthorName: string | null;
  /** The set reported, or the set the reported comment is on; null when it no longer exists. */
  setId: number | null;
  setTitle: string | null;
  setStatus: string | null;
}

export interface ReportRow {
  id: number;
  targetType: string;
  targetId: number;
  status: string;
}

/** Reports from members on comments and sets; at most one open report per member per target. */
export class ReportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Files a report; undefined when this member already has an open report on the target. */
  async insertIfNoneOpen(report: {
    targetType: 'comment' | 'set';
    targetId: number;
    reporterId: number;
    reason: string;
    now: number;
  }): Promise<number | undefined> {
    const row = await this.db
      .insertInto('reports')
      .values({
        target_type: report.targetType,
        target_id: report.targetId,
        reporter_id: report.reporterId,
        reason: report.reason,
        created_at: report.now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  async findById(id: number): Promise<ReportRow | undefined> {
    return this.db
      .selectFrom('reports')
      .select(['id', 'target_type as targetType', 'target_id as targetId', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The open reports, oldest first (a queue), with what was reported and by whom. */
  async listOpen(limit: number): Promise<OpenReportRow[]> {
    return this.db
      .selectFrom('reports as r')
      .innerJoin('users as reporter', 'reporter.id', 'r.reporter_id')
      .leftJoin('comments as c', (join) =>
        join.onRef('c.id', '=', 'r.target_id').on('r.target_type', '=', 'comment'),
      )
      .leftJoin('users as ca', 'ca.id', 'c.author_id')
      .leftJoin('card_sets as s', (join) =>
        join.on((eb) =>
          eb.or([
            eb.and([eb('r.target_type', '=', 'set'), eb('s.id', '=', eb.ref('r.target_id'))]),
            eb('s.id', '=', eb.ref('c.card_set_id')),
          ]),
        ),
      )
      .select([
        'r.id',
        'r.target_type as targetType',
        'r.target_id as targetId',
        'r.reason',
        'r.created_at as createdAt',
        'reporter.handle as reporterHandle',
        'reporter.display_name as reporterName',
        'c.body as commentBody',
        'c.status as commentStatus',
        'ca.handle as commentAuthorHandle',
        'ca.display_name as commentAuthorName',
        's.id as setId',
        's.title as setTitle',
        's.status as setStatus',
      ])
      .where('r.status', '=', 'open')
      .orderBy('r.id', 'asc')
      .limit(limit)
      .execute();
  }

  async countOpen(): Promise<number> {
    const row = await this.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Closes one open report; false when it was not open. */
  async resolve(id: number, resolvedBy: number, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('reports')
      .set({ status: 'resolved', resolved_by: resolvedBy, resolved_at: now })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Closes every open report on a target (a moderator has acted on it). */
  async resolveAllFor(
    targetType: 'comment' | 'set',
    targetId: number,
    resolvedBy: number,
    now: number,
  ): Promise<number> {
    const result = await this.db
      .updateTable('reports')
      .set({ status: 'resolved', resolved_by: resolvedBy, resolved_at: now })
      .where('target_type', '=', targetType)
      .where('target_id', '=', targetId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
