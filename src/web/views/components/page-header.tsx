import type { ComponentChildren } from 'preact';

/** The top of a page: an optional kicker ("Study"), the title, a lede and the page's main actions. */
export function PageHeader({
  kicker,
  title,
  lede,
  actions,
}: {
  kicker?: string;
  title: ComponentChildren;
  lede?: ComponentChildren;
  actions?: ComponentChildren;
}) {
  return (
    <header class="page-header">
      {kicker !== undefined && <span class="page-kicker">{kicker}</span>}
      <h1>{title}</h1>
      {lede !== undefined && <p class="lede">{lede}</p>}
      {actions !== undefined && <div class="page-actions">{actions}</div>}
    </header>
  );
}
