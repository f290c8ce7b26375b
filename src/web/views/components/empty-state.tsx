import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './icon.js';

/** What a list shows when it has nothing yet: what would be here, and what to do about it. */
export function EmptyState({
  icon,
  title,
  children,
  action,
  headingLevel = 2,
}: {
  icon?: IconName;
  title: string;
  children?: ComponentChildren;
  action?: ComponentChildren;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="empty-state">
      {icon !== undefined && <Icon name={icon} />}
      <Heading>{title}</Heading>
      {children !== undefined && <p>{children}</p>}
      {action}
    </div>
  );
}
