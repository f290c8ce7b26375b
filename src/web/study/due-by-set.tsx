/** What is due today per set, each a tile leading to that set's study (Today and the Review page). */
import type { SetDueToday } from '../../services/study/study-queue.js';

export function DueBySet({ rows }: { rows: readonly SetDueToday[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="by-set-heading">
      <h2 id="by-set-heading">Due today by set</h2>
      <ul class="due-by-set">
        {rows.map((row) => (
          <li key={row.set.id} class="panel panel-link" data-due-set={String(row.set.id)}>
            <a href={`/sets/${row.set.id}/study`}>
              <span class="visually-hidden">Study </span>
              {row.set.title}
            </a>
            <span class="due-by-set-counts">
              {[
                row.dueNow > 0 ? `${row.dueNow} due` : null,
                row.newToday > 0 ? `${row.newToday} new` : null,
                row.laterToday > 0 ? `${row.laterToday} later` : null,
              ]
                .filter((part) => part !== null)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
