/** One page per comment action, so that each works as a plain form without JavaScript. */
import type { CardSetSummary } from '../../domain/card-set.js';
import { COMMUNITY_LIMITS } from '../../domain/community.js';
import type { CommentInContext } from '../../services/comments.js';
import type { FormState } from '../forms.js';
import { CsrfField, ErrorSummary, TextArea } from '../views/components/form.js';
import { formatDate } from '../views/format.js';
import { Layout, type Crumb } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { cardSetUrl } from '../views/urls.js';

const crumbs = (set: CardSetSummary): Crumb[] => [
  { label: 'Home', href: '/' },
  { label: set.title, href: cardSetUrl(set) },
];

const commentUrl = (found: CommentInContext) => `${cardSetUrl(found.set)}#comment-${found.comment.id}`;

/** The comment being answered, edited, deleted or reported, quoted. */
function QuotedComment({ found }: { found: CommentInContext }) {
  const { comment } = found;
  return (
    <figure class="quoted-comment">
      <blockquote>
        <p class="comment-body">{comment.body}</p>
      </blockquote>
      <figcaption>
        {comment.author?.displayName ?? 'Someone'} on{' '}
        <time dateTime={comment.createdAt.toISOString()}>{formatDate(comment.createdAt)}</time>, on “
        {found.set.title}”
      </figcaption>
    </figure>
  );
}

/** A form of one text field (a comment, a reply, a report's reason), its errors, a submit button and Cancel. */
function OneFieldForm({
  page,
  state,
  action,
  field,
  cancelHref,
  submit,
}: {
  page: PageContext;
  state: FormState;
  action: string;
  field: { name: string; label: string; hint: string; rows: number; maxLength: number };
  cancelHref: string;
  submit: string;
}) {
  return (
    <>
      <ErrorSummary state={state} labels={{ [field.name]: field.label }} />
      <form method="post" action={action} class="form">
        <CsrfField token={page.csrf()} />
        <TextArea state={state} {...field} required />
        <button type="submit" class="button">
          {submit}
        </button>{' '}
        <a href={cancelHref}>Cancel</a>
      </form>
    </>
  );
}

const commentField = (label: string, rows: number) => ({
  name: 'body',
  label,
  hint: `Plain text, up to ${COMMUNITY_LIMITS.commentLength.toLocaleString('en-GB')} characters.`,
  rows,
  maxLength: COMMUNITY_LIMITS.commentLength,
});

export function ReplyPage({
  page,
  found,
  state,
}: {
  page: PageContext;
  found: CommentInContext;
  state: FormState;
}) {
  const name = found.comment.author?.displayName ?? 'this comment';
  return (
    <Layout page={page} title={`Reply to ${name}`} breadcrumbs={crumbs(found.set)}>
      <h1>Reply to {name}</h1>
      <QuotedComment found={found} />
      <OneFieldForm
        page={page}
        state={state}
        action={`/comments/${found.comment.id}/reply`}
        field={commentField('Your reply', 5)}
        cancelHref={commentUrl(found)}
        submit="Post reply"
      />
    </Layout>
  );
}

export function EditCommentPage({
  page,
  found,
  state,
}: {
  page: PageContext;
  found: CommentInContext;
  state: FormState;
}) {
  return (
    <Layout page={page} title="Edit your comment" breadcrumbs={crumbs(found.set)}>
      <h1>Edit your comment</h1>
      <p>On “{found.set.title}”. Others will see that it was edited.</p>
      <OneFieldForm
        page={page}
        state={state}
        action={`/comments/${found.comment.id}/edit`}
        field={commentField('Your comment', 6)}
        cancelHref={commentUrl(found)}
        submit="Save changes"
      />
    </Layout>
  );
}

export function DeleteCommentPage({ page, found }: { page: PageContext; found: CommentInContext }) {
  return (
    <Layout page={page} title="Delete your comment" breadcrumbs={crumbs(found.set)}>
      <h1>Delete your comment?</h1>
      <QuotedComment found={found} />
      <p>
        Its text is removed for good. If others have replied, “[deleted]” keeps its place above their replies.
      </p>
      <form method="post" action={`/comments/${found.comment.id}/delete`} class="form">
        <CsrfField token={page.csrf()} />
        <button type="submit" class="button button-danger">
          Delete the comment
        </button>{' '}
        <a href={commentUrl(found)}>Keep it</a>
      </form>
    </Layout>
  );
}

const reasonField = {
  name: 'reason',
  label: 'Reason',
  hint: `What is wrong with it? Up to ${COMMUNITY_LIMITS.reportReasonLength} characters; only moderators see this.`,
  rows: 4,
  maxLength: COMMUNITY_LIMITS.reportReasonLength,
};

export function ReportCommentPage({
  page,
  found,
  state,
}: {
  page: PageContext;
  found: CommentInContext;
  state: FormState;
}) {
  const name = found.comment.author?.displayName ?? 'someone';
  return (
    <Layout page={page} title={`Report a comment by ${name}`} breadcrumbs={crumbs(found.set)}>
      <h1>Report a comment by {name}</h1>
      <QuotedComment found={found} />
      <OneFieldForm
        page={page}
        state={state}
        action={`/comments/${found.comment.id}/report`}
        field={reasonField}
        cancelHref={commentUrl(found)}
        submit="Send report"
      />
    </Layout>
  );
}

export function ReportSetPage({
  page,
  set,
  state,
}: {
  page: PageContext;
  set: CardSetSummary;
  state: FormState;
}) {
  return (
    <Layout page={page} title={`Report “${set.title}”`} breadcrumbs={crumbs(set)}>
      <h1>Report “{set.title}”</h1>
      <p>
        By {set.author.displayName}. Tell the moderators what is wrong with this card set: for example copied
        work, abuse, or spam.
      </p>
      <OneFieldForm
        page={page}
        state={state}
        action={`/sets/${set.id}/reports`}
        field={reasonField}
        cancelHref={cardSetUrl(set)}
        submit="Send report"
      />
    </Layout>
  );
}
