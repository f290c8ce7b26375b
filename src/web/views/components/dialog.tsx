import type { ComponentChildren } from 'preact';
import { Icon } from './icon.js';

/**
 * A modal dialog (the native <dialog>: focus kept inside, Escape closes it). Only for what a page can do
 * without: dialogs open by script, so whatever opens one (DialogButton) stays hidden until the site
 * script shows it.
 */
export function Dialog({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <dialog id={id} class="dialog" aria-labelledby={`${id}-title`}>
      <div class="dialog-header">
        <h2 id={`${id}-title`}>{title}</h2>
        <form method="dialog">
          <button type="submit" class="button button-quiet button-icon">
            <Icon name="close" />
            <span class="visually-hidden">Close</span>
          </button>
        </form>
      </div>
      <div class="dialog-body">{children}</div>
    </dialog>
  );
}

export function DialogButton({
  dialog,
  class: className = 'button button-secondary',
  children,
}: {
  dialog: string;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <button type="button" class={className} data-opens-dialog={dialog} aria-haspopup="dialog" hidden>
      {children}
    </button>
  );
}
