/**
 * On pages for a logged-in member: if this browser kept answers from before they logged in, offer to add
 * them to their progress (or to discard them).
 */
import { clearReviews, readReviews } from './browser-progress.js';

const reviews = readReviews();
const main = document.querySelector('main');
if (reviews.length > 0 && main !== null) {
  const banner = document.createElement('section');
  banner.className = 'merge-banner';
  banner.setAttribute('aria-labelledby', 'merge-heading');
  banner.innerHTML = `
    <h2 id="merge-heading">Answers saved in this browser</h2>
    <p>You answered ${reviews.length === 1 ? 'a card' : `${reviews.length} cards`} here before logging in. Add ${reviews.length === 1 ? 'it' : 'them'} to your progress?</p>
    <p class="merge-actions">
      <button type="button" class="button" data-merge>Add to my progress</button>
      <button type="button" class="button button-quiet" data-discard>Discard</button>
    </p>
    <p class="merge-status" role="status"></p>`;
  main.prepend(banner);
  const status = banner.querySelector<HTMLElement>('.merge-status')!;
  const actions = banner.querySelector<HTMLElement>('.merge-actions')!;
  banner.querySelector('[data-discard]')!.addEventListener('click', () => {
    clearReviews();
    actions.hidden = true;
    status.textContent = 'Discarded.';
  });
  banner.querySelector('[data-merge]')!.addEventListener('click', () => void merge());

  async function merge(): Promise<void> {
    status.textContent = 'Adding…';
    try {
      const session = await fetch('/api/v1/session', { credentials: 'same-origin' });
      const { csrfToken } = (await session.json()) as { csrfToken: string };
      const response = await fetch('/api/v1/reviews/merge', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({
          reviews: reviews.map(({ id, cardId, variant, rating, reviewedAt, durationMs }) => ({
            id,
            cardId,
            variant: variant ?? 0,
            rating,
            reviewedAt,
            durationMs,
          })),
        }),
      });
      if (response.status === 400) {
        status.textContent =
          'These answers could not be read, so they cannot be added. You can discard them.';
        return;
      }
      if (response.status === 401 || response.status === 403) {
        status.textContent =
          'Your session has changed. Reload the page (log in again if asked), then add them.';
        return;
      }
      if (response.status === 429) {
        const wait = Number(response.headers.get('retry-after') ?? '60');
        status.textContent = `Too many requests just now. Try again in ${Math.max(1, Math.ceil(wait / 60))} minute(s).`;
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      const result = (await response.json()) as { merged: number; alreadyMerged: number; skipped: number };
      clearReviews();
      actions.hidden = true;
      status.textContent =
        (result.merged === 0 && result.alreadyMerged > 0
          ? 'These answers were already in your progress.'
          : `Added ${result.merged} answer${result.merged === 1 ? '' : 's'} to your progress.`) +
        (result.skipped > 0
          ? ` ${result.skipped} could not be added (cards gone, or older than your progress).`
          : '');
    } catch {
      status.textContent = 'Could not add them just now (Recall did not answer). Try again in a moment.';
    }
  }
}
