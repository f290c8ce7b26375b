/**
 * The top bar, no taller than 64 px: the mark, the main destinations (from 640 px wide; below that
 * they are in the tab bar), search, the theme toggle and the account menu (a <details>, so it opens
 * without JavaScript).
 */
import type { SessionUser } from '../../../services/auth/accounts.js';
import type { PageContext } from '../page-context.js';
import { BrandMark, Icon } from './icon.js';
import { isCurrent } from './tab-bar.js';
import { ThemeToggle } from './theme-toggle.js';
import { nextQuery } from '../urls.js';

interface NavItem {
  href: string;
  label: string;
  /** Shown in the top bar only on wide screens (1024 px and more); always in the account menu. */
  wide?: boolean;
}

const MEMBER_NAV: readonly NavItem[] = [
  { href: '/', label: 'Home' },
  { href: '/review', label: 'Review' },
  { href: '/progress', label: 'Progress' },
  { href: '/exams', label: 'Exams', wide: true },
  { href: '/me/folders', label: 'My folders', wide: true },
  { href: '/sets/new', label: 'New set' },
  { href: '/import', label: 'Import', wide: true },
];

function AccountMenu({ page, user }: { page: PageContext; user: SessionUser }) {
  const moderates = user.role === 'moderator' || user.role === 'admin';
  return (
    <details class="account-menu" data-menu>
      <summary class="account-summary">
        <span class="avatar" aria-hidden="true">
          {Array.from(user.displayName.trim())[0]?.toUpperCase() ?? '?'}
        </span>
        <span class="account-name">
          <span class="visually-hidden">Account: </span>
          {user.displayName}
        </span>
        <Icon name="chevronDown" class="account-chevron" />
      </summary>
      <div class="menu-panel">
        <p class="menu-who">
          {/* The name leads to the profile. */}
          <a href={`/users/${user.handle}`}>{user.displayName}</a>
          <span>@{user.handle}</span>
        </p>
        <ul class="menu-items">
          <li>
            <a href="/me/folders">My folders</a>
          </li>
          <li>
            <a href="/exams">Exams</a>
          </li>
          <li>
            <a href="/import">Import</a>
          </li>
          {moderates && (
            <li>
              <a href="/moderation">Moderation</a>
            </li>
          )}
          <li>
            <a href="/me/password">Change password</a>
          </li>
          <li>
            <form method="post" action="/logout">
              <input type="hidden" name="_csrf" value={page.csrf()} />
              <button type="submit" class="menu-button">
                Log out
              </button>
            </form>
          </li>
        </ul>
      </div>
    </details>
  );
}

export function SiteHeader({ page }: { page: PageContext }) {
  const { user } = page;
  // Logging in or signing up comes back to this page.
  const back = nextQuery(page.path);
  const nav: readonly NavItem[] =
    user === null
      ? [{ href: '/', label: 'Home' }]
      : [
          ...MEMBER_NAV,
          ...(user.role === 'moderator' || user.role === 'admin'
            ? [{ href: '/moderation', label: 'Moderation', wide: true }]
            : []),
        ];
  return (
    <header class="site-header top-bar">
      <div class="top-bar-inner">
        <a class="brand" href="/">
          <BrandMark />
          <span class="brand-name">Recall</span>
        </a>
        <nav aria-label="Main" class="site-nav">
          <ul>
            {nav.map((item) => (
              <li key={item.href} class={item.wide === true ? 'nav-wide' : undefined}>
                <a href={item.href} aria-current={isCurrent(page.path, item.href) ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <form method="get" action="/search" role="search" class="site-search">
          <label for="site-search-q" class="visually-hidden">
            Search card sets
          </label>
          <input id="site-search-q" type="search" name="q" placeholder="Search" maxLength={200} />
          <button type="submit" class="site-search-button">
            <Icon name="search" />
            <span class="visually-hidden">Search</span>
          </button>
        </form>
        <ThemeToggle />
        {user === null ? (
          <div class="account-links">
            <a href={`/login${back}`} class="button button-quiet">
              Log in
            </a>
            <a href={`/signup${back}`} class="button sign-up-link">
              Sign up
            </a>
          </div>
        ) : (
          <AccountMenu page={page} user={user} />
        )}
      </div>
    </header>
  );
}
