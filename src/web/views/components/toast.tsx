import { Icon } from './icon.js';

/** A short message after an action ("Saved."), announced politely to screen readers. */
export function Toast({ message }: { message: string }) {
  return (
    <p class="notice toast" role="status">
      <Icon name="check" />
      <span>{message}</span>
    </p>
  );
}
