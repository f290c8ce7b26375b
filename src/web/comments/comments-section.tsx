/** The comments on a card-set page: each with its author, date and actions, and the form to add one. */
import { COMMUNITY_LIMITS, type CommentView } from '../../domain/community.js';
import type { CardSetPageData } from '../../services/read-card-set.js';
import { emptyForm, type FormState } from '../forms.js';
import { CsrfField, ErrorSummary, TextArea } from '../views/components/form.js';
import { formatDate } from '../views/format.js';
import type { PageContext } from '../views/page-context.js';
import { cardSetUrl } from '../views/urls.js';
import { ActionButton } from '../views/components/action-button.js';
import { loginHref } from '../card-set/card-set-community.js';

const possessive = (name: string) => `${name}’s`;

function CommentItem({ page, comment, setUrl }: { page: PageContext; comment: CommentView; setUrl: string }) {
  const anchor = `comment-${comment.id}`;
  const whose = comment.yours
    ? 'your comment'
    : comment.author === null
      ? 'this comment'
      : `${possessive(comment.author.displayName)} comment`;
  const next = `${setUrl}#${anchor}`;
  const { actions } = comment;
  return (
    <li class={`comment${comment.status === 'hidden' ? ' comment-hidden' : ''}`} id={anchor}>
      {comment.placeholder ? (
        <p class="comment-placeholder">
          {comment.status === 'deleted' ? '[deleted]' : '[hidden by a moderator]'}
        </p>
      ) : (
        <>
          <p class="comment-meta">
            {comment.author !== null && (
              <a class="comment-author" href={`/users/${comment.author.handle}`}>
                {comment.author.displayName}
              </a>
            )}{' '}
            <time dateTime={comment.createdAt.toISOString()}>{formatDate(comment.createdAt)}</time>
            {comment.editedAt !== null && (
              <>
                {' · '}
                <span class="comment-edited" title={`Edited on ${formatDate(comment.editedAt)}`}>
                  edited
                </span>
              </>
            )}
            {comment.status === 'hidden' && (
              <>
                {' '}
                <span class="badge badge-hidden">Hidden by a moderator</span>
              </>
            )}
          </p>
          <p class="comment-body">{comment.body}</p>
        </>
      )}
      {Object.values(actions).some(Boolean) && (
        <ul class="comment-actions">
          {actions.reply && (
            <li>
              <a href={`/comments/${comment.id}/reply`}>
                Reply<span class="visually-hidden"> to {whose}</span>
              </a>
            </li>
          )}
          {actions.edit && (
            <li>
              <a href={`/comments/${comment.id}/edit`}>
                Edit<span class="visually-hidden"> {whose}</span>
              </a>
            </li>
          )}
          {actions.delete && (
            <li>
              <a href={`/comments/${comment.id}/delete`}>
                Delete<span class="visually-hidden"> {whose}</span>
              </a>
            </li>
          )}
          {actions.report && (
            <li>
              <a href={`/comments/${comment.id}/report`}>
                Report<span class="visually-hidden"> {whose}</span>
              </a>
            </li>
          )}
          {actions.hide && (
            <li>
              <ActionButton
                page={page}
                action={`/moderation/comments/${comment.id}/hide`}
                next={next}
                label="Hide"
                hiddenLabel={whose}
              />
            </li>
          )}
          {actions.restore && (
            <li>
              <ActionButton
                page={page}
                action={`/moderation/comments/${comment.id}/restore`}
                next={next}
                label="Restore"
                hiddenLabel={whose}
              />
            </li>
          )}
        </ul>
      )}
      {comment.replies.length > 0 && (
        <ol class="comment-replies" aria-label={`Replies to ${whose}`}>
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} page={page} comment={reply} setUrl={setUrl} />
          ))}
        </ol>
      )}
    </li>
  );
}

export function CommentsSection({
  page,
  data,
  state = emptyForm(),
}: {
  page: PageContext;
  data: CardSetPageData;
  state?: FormState;
}) {
  const { threads, truncated } = data.community.comments;
  const url = cardSetUrl(data.set);
  return (
    <section class="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      {threads.length === 0 ? (
        <p class="empty">No comments have yet been made</p>
      ) : (
        <ol class="comment-list">
          {threads.map((comment) => (
            <CommentItem key={comment.id} page={page} comment={comment} setUrl={url} />
          ))}
        </ol>
      )}
      {truncated && (
        <p class="hint">
          Showing the newest {COMMUNITY_LIMITS.commentsShown} conversations; older ones are not shown.
        </p>
      )}
      {data.permissions.canTakePart ? (
        <div id="add-comment">
          <ErrorSummary state={state} labels={{ body: 'Your comment' }} />
          <form method="post" action={`/sets/${data.set.id}/comments`} class="form comment-form">
            <CsrfField token={page.csrf()} />
            <TextArea
              state={state}
              name="body"
              label="Add a comment"
              hint={`Plain text, up to ${COMMUNITY_LIMITS.commentLength.toLocaleString('en-GB')} characters.`}
              rows={4}
              maxLength={COMMUNITY_LIMITS.commentLength}
              required
            />
            <button type="submit" class="button">
              Post comment
            </button>
          </form>
        </div>
      ) : page.user === null ? (
        <p>
          <a href={loginHref(data, 'add-comment')}>Log in to comment</a>
        </p>
      ) : null}
    </section>
  );
}
