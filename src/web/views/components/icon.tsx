/**
 * Icons from Lucide (ISC), drawn inline so they take the text colour and need no request. Decorative:
 * whatever holds an icon also says in words what it is (visible, or a visually hidden label).
 */
import { h } from 'preact';
import calendarClock from 'lucide/dist/esm/icons/calendar-clock.mjs';
import chartNoAxesColumn from 'lucide/dist/esm/icons/chart-no-axes-column.mjs';
import chevronDown from 'lucide/dist/esm/icons/chevron-down.mjs';
import circleCheck from 'lucide/dist/esm/icons/circle-check.mjs';
import circleUserRound from 'lucide/dist/esm/icons/circle-user-round.mjs';
import flame from 'lucide/dist/esm/icons/flame.mjs';
import folder from 'lucide/dist/esm/icons/folder.mjs';
import house from 'lucide/dist/esm/icons/house.mjs';
import layers from 'lucide/dist/esm/icons/layers.mjs';
import moon from 'lucide/dist/esm/icons/moon.mjs';
import search from 'lucide/dist/esm/icons/search.mjs';
import squarePlus from 'lucide/dist/esm/icons/square-plus.mjs';
import sun from 'lucide/dist/esm/icons/sun.mjs';
import x from 'lucide/dist/esm/icons/x.mjs';

const ICONS = {
  account: circleUserRound,
  calendar: calendarClock,
  check: circleCheck,
  chevronDown,
  close: x,
  create: squarePlus,
  flame,
  folder,
  home: house,
  moon,
  progress: chartNoAxesColumn,
  review: layers,
  search,
  sun,
} as const;

export type IconName = keyof typeof ICONS;

export function Icon({ name, class: className }: { name: IconName; class?: string }) {
  return (
    <svg
      class={className === undefined ? 'icon' : `icon ${className}`}
      xmlns="http://www.w3.org/2000/svg"
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {ICONS[name].map(([tag, attributes], index) => h(tag, { ...attributes, key: index }))}
    </svg>
  );
}

/** Recall's mark: a revision card on a rounded tile (the favicon's drawing), in the theme's colours. */
export function BrandMark() {
  return (
    <svg class="brand-mark" viewBox="0 0 64 64" width="28" height="28" aria-hidden="true" focusable="false">
      <rect class="brand-mark-tile" width="64" height="64" rx="14" />
      <rect class="brand-mark-card" x="12" y="16" width="40" height="32" rx="4" />
      <rect class="brand-mark-band" x="12" y="16" width="40" height="7" rx="3" />
      <path class="brand-mark-lines" d="M20 32h24M20 40h16" stroke-width="4" stroke-linecap="round" />
    </svg>
  );
}
