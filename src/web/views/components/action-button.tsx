import { CsrfField } from './form.js';
import type { PageContext } from '../page-context.js';

/** A button that posts a one-field form (hide, restore, remove): a plain form, so it works without JavaScript. */
export function ActionButton({
  page,
  action,
  next,
  label,
  hiddenLabel,
  quiet = true,
}: {
  page: PageContext;
  action: string;
  next?: string;
  label: string;
  hiddenLabel?: string;
  quiet?: boolean;
}) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={page.csrf()} />
      {next !== undefined && <input type="hidden" name="next" value={next} />}
      <button type="submit" class={quiet ? 'link-button' : 'button'}>
        {label}
        {hiddenLabel !== undefined && <span class="visually-hidden"> {hiddenLabel}</span>}
      </button>
    </form>
  );
}
