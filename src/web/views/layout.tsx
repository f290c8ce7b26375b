import type { ComponentChildren } from 'preact';
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
  children: ComponentChildren;
}

/** The browser's own bar takes the page's background colour (light, dark, or the device's choice). */
const THEME_COLOURS = { light: '#f1f3f5', dark: '#0d0f12' } as const;

export function Layout({ page, title, description, breadcrumbs, scripts = [], children }: LayoutProps) {
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
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader page={page} />
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
