import type { Kysely } from 'kysely';
import type { Database } from '../tables.js';

export interface ExamDateRow {
  id: number;
  userId: number;
  cardSetId: number | null;
  subjectId: number | null;
  /** The set's title or the subject's name. */
  scopeName: string;
  examDate: number;
  targetRecall: number;
  dailyCap: number;
  createdAt: number;
}

/** A learner's exams, each on one set or one subject. */
export class ExamDateRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private selectExams() {
    return this.db
      .selectFrom('exam_dates as e')
      .leftJoin('card_sets as s', 's.id', 'e.card_set_id')
      .leftJoin('subjects as sub', 'sub.id', 'e.subject_id')
      .select((eb) => [
        'e.id',
        'e.user_id as userId',
        'e.card_set_id as cardSetId',
        'e.subject_id as subjectId',
        eb.fn.coalesce('s.title', 'sub.name', eb.val('')).as('scopeName'),
        'e.exam_date as examDate',
        'e.target_recall as targetRecall',
        'e.daily_cap as dailyCap',
        'e.created_at as createdAt',
      ]);
  }

  async listForUser(userId: number): Promise<ExamDateRow[]> {
    return this.selectExams()
      .where('e.user_id', '=', userId)
      .orderBy('e.exam_date')
      .orderBy('e.id')
      .execute();
  }

  async findById(id: number): Promise<ExamDateRow | undefined> {
    return this.selectExams().where('e.id', '=', id).executeTakeFirst();
  }

  /** The learner's exam on this set or subject, if any. */
  async findByScope(
    userId: number,
    scope: { cardSetId: number } | { subjectId: number },
  ): Promise<ExamDateRow | undefined> {
    const query = this.selectExams().where('e.user_id', '=', userId);
    return 'cardSetId' in scope
      ? query.where('e.card_set_id', '=', scope.cardSetId).executeTakeFirst()
      : query.where('e.subject_id', '=', scope.subjectId).executeTakeFirst();
  }

  async insert(exam: {
    userId: number;
    cardSetId: number | null;
    subjectId: number | null;
    examDate: number;
    targetRecall: number;
    dailyCap: number;
    now: number;
  }): Promise<number> {
    const row = await this.db
      .insertInto('exam_dates')
      .values({
        user_id: exam.userId,
        card_set_id: exam.cardSetId,
        subject_id: exam.subjectId,
        exam_date: exam.examDate,
        target_recall: exam.targetRecall,
        daily_cap: exam.dailyCap,
        created_at: exam.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(id: number, changes: { examDate: number; targetRecall: number; dailyCap: number }) {
    await this.db
      .updateTable('exam_dates')
      .set({
        exam_date: changes.examDate,
        target_recall: changes.targetRecall,
        daily_cap: changes.dailyCap,
      })
      .where('id', '=', id)
      .execute();
  }

  /** The cards the learner chose to start first for these exams, by exam. */
  async listFocus(examIds: readonly number[]): Promise<Map<number, number[]>> {
    const focus = new Map<number, number[]>();
    if (examIds.length === 0) return focus;
    const rows = await this.db
      .selectFrom('exam_focus_cards')
      .select(['exam_id as examId', 'card_id as cardId'])
      .where('exam_id', 'in', examIds)
      .orderBy('card_id')
      .execute();
    for (const row of rows) focus.set(row.examId, [...(focus.get(row.examId) ?? []), row.cardId]);
    return focus;
  }

  /** Replaces the exam's chosen cards. Call inside a transaction. */
  async replaceFocus(examId: number, cardIds: readonly number[]): Promise<void> {
    await this.db.deleteFrom('exam_focus_cards').where('exam_id', '=', examId).execute();
    for (let start = 0; start < cardIds.length; start += 500) {
      const batch = cardIds.slice(start, start + 500);
      await this.db
        .insertInto('exam_focus_cards')
        .values(batch.map((cardId) => ({ exam_id: examId, card_id: cardId })))
        .execute();
    }
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('exam_dates').where('id', '=', id).execute();
  }
}
