/** The community parts of the card-set page: rating, "Save to my folders", reporting and moderation. */
import { COMMUNITY_LIMITS, STARS, type RatingSummary } from '../../domain/community.js';
import type { CardSetPageData } from '../../services/read-card-set.js';
import { emptyForm, problemFor, type FormState } from '../forms.js';
import { CsrfField, ErrorSummary, fieldId, TextField } from '../views/components/form.js';
import { Icon } from '../views/components/icon.js';
import { plural } from '../views/format.js';
import type { PageContext } from '../views/page-context.js';
import { cardSetUrl } from '../views/urls.js';
import { ActionButton } from '../views/components/action-button.js';

/** Forms on the set page that came back with problems (the rest render empty). */
export interface CardSetPageForms {
  comment?: FormState;
  rating?: FormState;
  save?: FormState;
}

/** "4.5 out of 5 (12 ratings)" or "Not yet rated". */
export function ratingText(summary: RatingSummary): string {
  if (summary.average === null) return 'Not yet rated';
  return `${summary.average.toFixed(1)} out of 5 (${plural(summary.count, 'rating')})`;
}

export const loginHref = (data: CardSetPageData, anchor: string) =>
  `/login?next=${encodeURIComponent(`${cardSetUrl(data.set)}#${anchor}`)}`;

/**
 * Five stars, each a submit button: one tap rates (or changes the rating), with or without JavaScript.
 * The learner's own rating is pressed, and the stars up to it are filled.
 */
function StarButtons({ state, yours }: { state: FormState; yours: number | null }) {
  const problem = problemFor(state, 'stars');
  const errorId = `${fieldId('stars')}-error`;
  return (
    <fieldset
      class={`star-options${problem !== undefined ? ' field-invalid' : ''}`}
      id={fieldId('stars')}
      aria-describedby={problem !== undefined ? errorId : undefined}
    >
      <legend>{yours === null ? 'Tap a star to rate' : 'Your rating (tap to change)'}</legend>
      {problem !== undefined && (
        <p class="field-error" id={errorId}>
          <span class="visually-hidden">Error: </span>
          {problem}
        </p>
      )}
      <div class="star-buttons">
        {STARS.map((n) => (
          <button
            type="submit"
            name="stars"
            value={String(n)}
            key={n}
            class={`star-button${yours !== null && n <= yours ? ' is-on' : ''}`}
            aria-pressed={yours === n ? 'true' : 'false'}
          >
            <span aria-hidden="true">★</span>
            <span class="visually-hidden">{plural(n, 'star')}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function RatingPanel({ page, data, state }: { page: PageContext; data: CardSetPageData; state: FormState }) {
  const { rating } = data.community;
  const action = `/sets/${data.set.id}/rating`;
  return (
    <div class="panel" id="rate">
      <p class="rating-summary">Rating: {ratingText(rating.summary)}</p>
      {rating.canRate ? (
        <>
          <ErrorSummary state={state} labels={{ stars: 'Your rating' }} />
          <form method="post" action={action} class="star-form">
            <CsrfField token={page.csrf()} />
            <StarButtons state={state} yours={rating.yours} />
          </form>
          {rating.yours !== null && (
            <p class="rating-yours">
              You rated this set {plural(rating.yours, 'star')}.{' '}
              <ActionButton page={page} action={`${action}/delete`} label="Remove my rating" />
            </p>
          )}
        </>
      ) : page.user === null ? (
        <p>
          <a href={loginHref(data, 'rate')}>Log in to rate this set</a>
        </p>
      ) : data.permissions.canTakePart ? (
        <p class="hint">You cannot rate your own set.</p>
      ) : null}
    </div>
  );
}

/**
 * "Save" beside Study: open it, tap a folder — two taps, no typing (with no folder yet, the first is
 * named after the set's subject). A new folder can still be named. A <details>, so it works without
 * JavaScript; it opens by itself when the save came back with a problem.
 */
export function SaveMenu({
  page,
  data,
  state,
}: {
  page: PageContext;
  data: CardSetPageData;
  state: FormState;
}) {
  const folders = data.community.folders;
  if (folders === null) {
    if (page.user !== null) return null;
    return (
      <a class="button button-secondary button-small save-button" id="save" href={loginHref(data, 'save')}>
        <Icon name="folder" /> Save<span class="visually-hidden"> to a folder (log in)</span>
      </a>
    );
  }
  const holding = folders.filter((folder) => folder.holdsSet);
  const action = `/sets/${data.set.id}/folders`;
  const suggested = data.set.subject.name;
  const hasSuggested = folders.some((folder) => folder.name.toLowerCase() === suggested.toLowerCase());
  return (
    <details class="save-menu" id="save" data-menu open={state.message !== null}>
      <summary class="button button-secondary button-small save-button">
        <Icon name="folder" /> {holding.length > 0 ? 'Saved' : 'Save'}
        <span class="visually-hidden"> to a folder</span>
      </summary>
      <div class="menu-panel save-panel">
        <ErrorSummary state={state} labels={{ folderId: 'Folder', newFolderName: 'New folder name' }} />
        <form method="post" action={action} class="save-choices">
          <CsrfField token={page.csrf()} />
          <p class="save-heading">Save to a folder</p>
          <ul>
            {folders.map((folder) =>
              folder.holdsSet ? (
                <li key={folder.id}>
                  <a class="save-choice is-saved" href={`/me/folders#folder-${folder.id}`}>
                    <Icon name="check" /> {folder.name}
                    <span class="save-choice-note">saved here</span>
                  </a>
                </li>
              ) : (
                <li key={folder.id}>
                  <button type="submit" name="folderId" value={String(folder.id)} class="save-choice">
                    <Icon name="folder" /> {folder.name}
                  </button>
                </li>
              ),
            )}
            {!hasSuggested && (
              <li>
                <button type="submit" name="newFolderName" value={suggested} class="save-choice">
                  <Icon name="create" /> New folder “{suggested}”
                </button>
              </li>
            )}
          </ul>
        </form>
        <form method="post" action={action} class="form save-new">
          <CsrfField token={page.csrf()} />
          <TextField
            state={state}
            name="newFolderName"
            label="New folder name"
            hint="Or name a folder of your own."
            maxLength={COMMUNITY_LIMITS.folderNameLength}
          />
          <button type="submit" class="button button-secondary">
            Save to new folder
          </button>
        </form>
      </div>
    </details>
  );
}

/** Rating, saving, reporting and (for moderators) hiding: between the cards and the comments. */
export function TakePartSection({
  page,
  data,
  forms,
}: {
  page: PageContext;
  data: CardSetPageData;
  forms: CardSetPageForms;
}) {
  const { set, community, permissions } = data;
  const url = cardSetUrl(set);
  return (
    <section class="take-part" aria-labelledby="take-part-heading">
      <h2 id="take-part-heading">Rate this set</h2>
      <div class="panels">
        <RatingPanel page={page} data={data} state={forms.rating ?? emptyForm()} />
      </div>
      <ul class="set-community-actions">
        {permissions.canTakePart && !community.hidden && (
          <li>
            <a href={`/sets/${set.id}/reports/new`}>
              Report this set<span class="visually-hidden"> to the moderators</span>
            </a>
          </li>
        )}
        {permissions.canModerate && (
          <li>
            {community.hidden ? (
              <ActionButton
                page={page}
                action={`/moderation/sets/${set.id}/restore`}
                next={url}
                label="Restore this set"
              />
            ) : (
              <ActionButton
                page={page}
                action={`/moderation/sets/${set.id}/hide`}
                next={url}
                label="Hide this set"
              />
            )}
          </li>
        )}
      </ul>
    </section>
  );
}

/** Shown above a hidden set's title, to its author and the moderators (nobody else can see it). */
export function HiddenSetNotice({ data }: { data: CardSetPageData }) {
  if (!data.community.hidden) return null;
  return (
    <p class="badge badge-hidden">
      Hidden by a moderator: only its author and the moderators can see this set.
    </p>
  );
}
