import type { ComponentChildren } from 'preact';
import type { PageContext } from './page-context.js';

export interface Crumb {
  label: string;
  href: string;
}

interface LayoutProps {
  page: PageContext;
  title: string;
  description?: string;
  breadcrumbs?: Crumb[];
  scripts?: string[];
  children: ComponentChildren;
}

export function Layout({ page, title, description, breadcrumbs, scripts = [], children }: LayoutProps) {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Recall`}</title>
        {description !== undefined && <meta name="description" content={description} />}
        <meta name="color-scheme" content="light" />
        <link rel="icon" href={page.assets.url('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={page.assets.url('styles.css')} />
        {scripts.map((name) => (
          <script type="module" src={page.assets.url(name)} key={name} />
        ))}
        {/* Offers to keep the answers this browser saved before its owner logged in (study mode). */}
        {page.user !== null && <script type="module" src={page.assets.url('study-merge.js')} />}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="site-header-inner">
            <a class="brand" href="/">
              Recall
            </a>
            <form method="get" action="/search" role="search" class="site-search">
              <label for="site-search-q" class="visually-hidden">
                Search card sets
              </label>
              <input id="site-search-q" type="search" name="q" placeholder="Search cards" maxLength={200} />
              <button type="submit" class="button button-small">
                Search
              </button>
            </form>
            <nav aria-label="Site">
              <ul class="site-nav">
                <li>
                  <a href="/">Subjects</a>
                </li>
                {page.user === null ? (
                  <>
                    <li>
                      <a href="/login">Log in</a>
                    </li>
                    <li>
                      <a href="/signup">Sign up</a>
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <a href="/sets/new">New set</a>
                    </li>
                    <li>
                      <a href="/import">Import</a>
                    </li>
                    <li>
                      <a href="/me/folders">My folders</a>
                    </li>
                    <li>
                      <a href="/review">Review</a>
                    </li>
                    <li>
                      <a href="/progress">Progress</a>
                    </li>
                    <li>
                      <a href="/exams">Exams</a>
                    </li>
                    {(page.user.role === 'moderator' || page.user.role === 'admin') && (
                      <li>
                        <a href="/moderation">Moderation</a>
                      </li>
                    )}
                    <li>
                      <a href={`/users/${page.user.handle}`}>{page.user.displayName}</a>
                    </li>
                    <li>
                      <form method="post" action="/logout" class="inline-form">
                        <input type="hidden" name="_csrf" value={page.csrf()} />
                        <button type="submit" class="link-button">
                          Log out
                        </button>
                      </form>
                    </li>
                  </>
                )}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {breadcrumbs !== undefined && breadcrumbs.length > 0 && (
            <nav aria-label="Breadcrumb" class="breadcrumbs">
              <ol>
                {breadcrumbs.map((crumb) => (
                  <li key={crumb.href}>
                    <a href={crumb.href}>{crumb.label}</a>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          {page.notice !== null && (
            <p class="notice" role="status">
              {page.notice}
            </p>
          )}
          {children}
        </main>
        <footer class="site-footer">
          <p>Recall: open-source revision cards. Read them, then remember them.</p>
        </footer>
      </body>
    </html>
  );
}
