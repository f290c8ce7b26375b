/** The main destinations at the bottom of a phone's screen (under 640 px), in thumb's reach. */
import { Icon, type IconName } from './icon.js';

interface Destination {
  href: string;
  label: string;
  icon: IconName;
  /** Other paths that belong to this destination. */
  also?: readonly string[];
}

const DESTINATIONS: readonly Destination[] = [
  { href: '/', label: 'Home', icon: 'home' },
  { href: '/search', label: 'Search', icon: 'search' },
  { href: '/review', label: 'Review', icon: 'review' },
  { href: '/progress', label: 'Progress', icon: 'progress' },
  { href: '/sets/new', label: 'Create', icon: 'create', also: ['/import'] },
];

/** True when `path` is the destination `href` (home only at "/", others also below them). */
export function isCurrent(path: string, href: string, also: readonly string[] = []): boolean {
  if (href === '/') return path === '/';
  return [href, ...also].some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

export function TabBar({ path }: { path: string }) {
  return (
    <nav aria-label="Main" class="tab-bar">
      <ul>
        {DESTINATIONS.map((item) => (
          <li key={item.href}>
            <a href={item.href} aria-current={isCurrent(path, item.href, item.also) ? 'page' : undefined}>
              <Icon name={item.icon} />
              <span class="tab-bar-label">{item.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
