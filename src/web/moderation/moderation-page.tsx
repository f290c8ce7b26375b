/** /moderation: the queue of open reports, each with what was reported, by whom, why, and what to do. */
import type { ReportQueue, ReportView } from '../../services/moderation.js';
import { ActionButton } from '../views/components/action-button.js';
import { formatDate, plural } from '../views/format.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { cardSetUrl } from '../views/urls.js';

function ReportTarget({ report }: { report: ReportView }) {
  const { target } = report;
  if (target.type === 'set') {
    return (
      <>
        <h2 class="report-title">
          Card set{' '}
          {target.set === null ? (
            <span>(since deleted)</span>
          ) : (
            <a href={cardSetUrl(target.set)}>“{target.set.title}”</a>
          )}
          {target.set?.hidden === true && <span class="badge badge-hidden">Hidden</span>}
        </h2>
      </>
    );
  }
  return (
    <>
      <h2 class="report-title">
        Comment by {target.author?.displayName ?? 'someone'}
        {target.set !== null && (
          <>
            {' '}
            on <a href={`${cardSetUrl(target.set)}#comment-${target.id}`}>“{target.set.title}”</a>
          </>
        )}
        {target.status === 'hidden' && <span class="badge badge-hidden">Hidden</span>}
      </h2>
      {target.status === null ? (
        <p class="empty">This comment no longer exists.</p>
      ) : target.status === 'deleted' ? (
        <p class="empty">Its author has deleted this comment.</p>
      ) : (
        <blockquote class="quoted-comment">
          <p class="comment-body">{target.body}</p>
        </blockquote>
      )}
    </>
  );
}

function ReportActions({ page, report }: { page: PageContext; report: ReportView }) {
  const { target } = report;
  const about =
    target.type === 'set'
      ? `the card set “${target.set?.title ?? target.id}”`
      : `the comment by ${target.author?.displayName ?? 'someone'}`;
  const base = target.type === 'set' ? `/moderation/sets/${target.id}` : `/moderation/comments/${target.id}`;
  const hidden = target.type === 'set' ? target.set?.hidden === true : target.status === 'hidden';
  const exists =
    target.type === 'set' ? target.set !== null : target.status !== null && target.status !== 'deleted';
  return (
    <ul class="report-actions">
      {exists && (
        <li>
          {hidden ? (
            <ActionButton
              page={page}
              action={`${base}/restore`}
              next="/moderation"
              label="Restore"
              hiddenLabel={about}
              quiet={false}
            />
          ) : (
            <ActionButton
              page={page}
              action={`${base}/hide`}
              next="/moderation"
              label="Hide"
              hiddenLabel={about}
              quiet={false}
            />
          )}
        </li>
      )}
      <li>
        <ActionButton
          page={page}
          action={`/moderation/reports/${report.id}/resolve`}
          next="/moderation"
          label="Resolve (dismiss)"
          hiddenLabel={`the report by ${report.reporter.displayName} on ${about}`}
        />
      </li>
    </ul>
  );
}

export function ModerationPage({ page, queue }: { page: PageContext; queue: ReportQueue }) {
  return (
    <Layout page={page} title="Moderation" breadcrumbs={[{ label: 'Home', href: '/' }]}>
      <h1>Moderation</h1>
      <p class="lede">
        {queue.openCount === 0
          ? 'No open reports: nothing needs you now.'
          : `${plural(queue.openCount, 'open report')}, oldest first.`}{' '}
        Hiding a comment or set resolves every open report on it; “Resolve” closes one report and leaves what
        was reported as it is.
      </p>
      {queue.reports.length < queue.openCount && (
        <p class="hint">Showing the oldest {queue.reports.length}; resolve these to see the rest.</p>
      )}
      {queue.reports.length > 0 && (
        <ol class="report-list">
          {queue.reports.map((report) => (
            <li class="report" key={report.id} id={`report-${report.id}`}>
              <ReportTarget report={report} />
              <p class="report-meta">
                Reported by <a href={`/users/${report.reporter.handle}`}>{report.reporter.displayName}</a> on{' '}
                <time dateTime={report.createdAt.toISOString()}>{formatDate(report.createdAt)}</time>:
              </p>
              <p class="report-reason">{report.reason}</p>
              <ReportActions page={page} report={report} />
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
