import type { ComponentChildren } from 'preact';
import { Icon } from './components/icon.js';
import { SiteHeader } from './components/site-header.js';
import { TabBar } from './components/tab-bar.js';
import { Toast } from './components/toast.js';
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
  /**
   * A study session: on phones the page becomes a full-screen reviewer, the site's header, tabs and
   * footer giving way to one bar that leaves the session (to `exitHref`) and names it.
   */
  focus?: { exitHref: string; exitLabel: string; name: string };
  children: ComponentChildren;
}

/** The browser's own bar takes the page's background colour (light, dark, or the device's choice). */
const THEME_COLOURS = { light: '#f1f3f5', dark: '#0d0f12' } as const;

export function Layout({
  page,
  title,
  description,
  breadcrumbs,
  scripts = [],
  focus,
  children,
}: LayoutProps) {
  const { theme } = page;
  return (
    // The theme chosen in this browser (a cookie) is set here, so the first paint already has it.
    <html lang="en-GB" data-theme={theme ?? undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <title>{`${title} · Recall`}</title>
        {description !== undefined && <meta name="description" content={description} />}
        <meta name="color-scheme" content={theme ?? 'light dark'} />
        {theme === null ? (
          <>
            <meta name="theme-color" content={THEME_COLOURS.light} media="(prefers-color-scheme: light)" />
            <meta name="theme-color" content={THEME_COLOURS.dark} media="(prefers-color-scheme: dark)" />
          </>
        ) : (
          <meta name="theme-color" content={THEME_COLOURS[theme]} />
        )}
        <link rel="icon" href={page.assets.url('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={page.assets.url('styles.css')} />
        <script type="module" src={page.assets.url('site.js')} />
        {scripts.map((name) => (
          <script type="module" src={page.assets.url(name)} key={name} />
        ))}
        {/* Offers to keep the answers this browser saved before its owner logged in (study mode). */}
        {page.user !== null && <script type="module" src={page.assets.url('study-merge.js')} />}
      </head>
      <body class={focus === undefined ? undefined : 'focus-mode'}>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader page={page} />
        <main id="main" tabIndex={-1}>
          {focus !== undefined && (
            <div class="focus-bar">
              <a href={focus.exitHref} class="button button-quiet button-icon focus-exit">
                <Icon name="close" />
                <span class="visually-hidden">{focus.exitLabel}</span>
              </a>
              <span class="focus-name">{focus.name}</span>
            </div>
          )}
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
          {page.notice !== null && <Toast message={page.notice} />}
          {children}
        </main>
        <footer class="site-footer">
          <p>Recall: open-source revision cards. Read them, then remember them.</p>
        </footer>
        <TabBar path={page.path} />
      </body>
    </html>
  );
}
