/** /me/folders: a member's named folders of card sets, and the pages that rename and delete one. */
import { COMMUNITY_LIMITS } from '../../domain/community.js';
import type { Folder, FolderWithSets } from '../../services/folders.js';
import type { FormState } from '../forms.js';
import { ActionButton } from '../views/components/action-button.js';
import { CsrfField, ErrorSummary, TextField } from '../views/components/form.js';
import { plural } from '../views/format.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { cardSetUrl } from '../views/urls.js';

const folderCrumbs = [
  { label: 'Home', href: '/' },
  { label: 'My folders', href: '/me/folders' },
];

export function FoldersPage({
  page,
  folders,
  state,
}: {
  page: PageContext;
  folders: FolderWithSets[];
  state: FormState;
}) {
  return (
    <Layout page={page} title="My folders" breadcrumbs={[{ label: 'Home', href: '/' }]}>
      <h1>My folders</h1>
      <p class="lede">Keep card sets together, for a subject, an exam or a week of revision.</p>
      {folders.length === 0 ? (
        <p class="empty">
          You have no folders yet. Create one here, or use “Save to my folders” on any card set.
        </p>
      ) : (
        <div class="folder-list">
          {folders.map((folder) => (
            <section
              class="folder"
              id={`folder-${folder.id}`}
              key={folder.id}
              aria-labelledby={`folder-${folder.id}-name`}
            >
              <div class="folder-header">
                <h2 id={`folder-${folder.id}-name`}>{folder.name}</h2>
                <span class="count">{plural(folder.sets.length, 'set')}</span>
                <ul class="folder-actions">
                  <li>
                    <a href={`/me/folders/${folder.id}/rename`}>
                      Rename<span class="visually-hidden"> the folder “{folder.name}”</span>
                    </a>
                  </li>
                  <li>
                    <a href={`/me/folders/${folder.id}/delete`}>
                      Delete<span class="visually-hidden"> the folder “{folder.name}”</span>
                    </a>
                  </li>
                </ul>
              </div>
              {folder.sets.length === 0 ? (
                <p class="empty">No sets in this folder yet.</p>
              ) : (
                <ul class="folder-sets">
                  {folder.sets.map((set) => (
                    <li key={set.id}>
                      <span class="folder-set">
                        <a href={cardSetUrl(set)}>{set.title}</a>
                        <span class="count">
                          {' '}
                          {[
                            set.subject.name,
                            plural(set.cardCount, 'card'),
                            `by ${set.author.displayName}`,
                          ].join(' · ')}
                        </span>
                      </span>
                      <ActionButton
                        page={page}
                        action={`/me/folders/${folder.id}/sets/${set.id}/remove`}
                        label="Remove"
                        hiddenLabel={`“${set.title}” from “${folder.name}”`}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
      <section aria-labelledby="new-folder-heading" class="panel new-folder">
        <h2 id="new-folder-heading">New folder</h2>
        <ErrorSummary state={state} labels={{ name: 'Folder name' }} />
        <form method="post" action="/me/folders" class="form">
          <CsrfField token={page.csrf()} />
          <TextField
            state={state}
            name="name"
            label="Folder name"
            hint={`Up to ${COMMUNITY_LIMITS.folderNameLength} characters, different from your other folders.`}
            maxLength={COMMUNITY_LIMITS.folderNameLength}
            required
          />
          <button type="submit" class="button">
            Create folder
          </button>
        </form>
      </section>
    </Layout>
  );
}

export function RenameFolderPage({
  page,
  folder,
  state,
}: {
  page: PageContext;
  folder: Folder;
  state: FormState;
}) {
  return (
    <Layout page={page} title={`Rename “${folder.name}”`} breadcrumbs={folderCrumbs}>
      <h1>Rename “{folder.name}”</h1>
      <ErrorSummary state={state} labels={{ name: 'Folder name' }} />
      <form method="post" action={`/me/folders/${folder.id}/rename`} class="form">
        <CsrfField token={page.csrf()} />
        <TextField
          state={state}
          name="name"
          label="Folder name"
          maxLength={COMMUNITY_LIMITS.folderNameLength}
          required
        />
        <button type="submit" class="button">
          Rename folder
        </button>{' '}
        <a href={`/me/folders#folder-${folder.id}`}>Cancel</a>
      </form>
    </Layout>
  );
}

export function DeleteFolderPage({ page, folder }: { page: PageContext; folder: Folder }) {
  return (
    <Layout page={page} title={`Delete “${folder.name}”`} breadcrumbs={folderCrumbs}>
      <h1>Delete the folder “{folder.name}”?</h1>
      <p>The card sets in it are not deleted: only the folder goes.</p>
      <form method="post" action={`/me/folders/${folder.id}/delete`} class="form">
        <CsrfField token={page.csrf()} />
        <button type="submit" class="button button-danger">
          Delete the folder
        </button>{' '}
        <a href="/me/folders">Keep it</a>
      </form>
    </Layout>
  );
}
