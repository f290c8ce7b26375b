/**
 * Study mode without page reloads: Space (or "Show answer") reveals, 1–4 (or the buttons) rate, and on
 * touch screens a swipe left is Again and a swipe right is Good. A member's answers go to
 * POST /api/v1/reviews; a visitor's are kept in this browser (see browser-progress.ts). The page works
 * without this module: its forms do the same with a reload per step.
 */
import { intervalLabel, intervalWords } from '../../domain/study/interval-label.js';
import { dueDetailText, dueTodayText, type DueCounts } from './due-summary-text.js';
import { addReview, newReviewId, readReviews } from './browser-progress.js';

const root = document.querySelector<HTMLElement>('[data-study]');
if (root !== null) enhance(root);

/**
 * A card due again this soon (a learning step, or Again) comes back later in the same session, once its
 * time has come: the server counts an answer given before then as practice only.
 */
const AGAIN_WITHIN_MS = 20 * 60_000;
const MAX_DURATION_MS = 3_600_000;
/** A visitor's card answered Good or Easy this recently is not shown again on reload. */
const VISITOR_DONE_MS = 12 * 3_600_000;

function enhance(study: HTMLElement): void {
  const member = study.dataset.member === 'true';
  const cards = Array.from(study.querySelectorAll<HTMLElement>('[data-study-card]'));
  const status = study.querySelector<HTMLElement>('[data-study-status]')!;
  const done = study.querySelector<HTMLElement>('[data-study-done]')!;
  const dueToday = document.querySelector<HTMLElement>('[data-due-today]');
  const dueDetail = document.querySelector<HTMLElement>('[data-due-detail]');
  const countsData = document.querySelector<HTMLElement>('[data-due-counts]')?.dataset.dueCounts;
  // The due summary's counts, kept true as cards are answered (and undone).
  let counts = countsData === undefined ? null : (JSON.parse(countsData) as DueCounts);
  const progressBar = study.querySelector<HTMLProgressElement>('[data-study-progress]');
  const startedAt = performance.now();
  const visible = cards.find((card) => !card.hidden) ?? cards[0];
  if (visible === undefined) return;

  // Start where the page is, then the cards after it, then those before.
  const start = cards.indexOf(visible);
  let queue = [...cards.slice(start), ...cards.slice(0, start)];
  if (!member) {
    const recent = new Set(
      readReviews()
        .filter((r) => r.rating >= 3 && Date.now() - r.reviewedAt < VISITOR_DONE_MS)
        .map((r) => `${r.cardId}.${r.variant ?? 0}`),
    );
    const fresh = queue.filter(
      (card) => !recent.has(`${card.dataset.cardId}.${card.dataset.variant ?? '0'}`),
    );
    if (fresh.length > 0) queue = fresh;
  }
  let answered = 0;
  /** The answers given in this page, latest last, with what undo puts back. */
  const history: {
    card: HTMLElement;
    rating: number;
    countsBefore: DueCounts | null;
    firstAnswer: boolean;
    dueBefore: number | undefined;
  }[] = [];
  /** Cards answered at least once in this page. */
  const answeredCards = new Set<HTMLElement>();
  /** When each answered card is due next (this page's clock), for the end-of-session summary. */
  const nextDueAt = new Map<HTMLElement, number>();
  const undoForm = document.querySelector<HTMLFormElement>('[data-undo-form]');
  let shownAt = performance.now();
  let busy = false;
  /** When each card that comes back is due again, by this page's clock (performance.now()). */
  const dueAt = new Map<HTMLElement, number>();
  let waiting: ReturnType<typeof setTimeout> | undefined;

  /** The card on show: none while waiting for a learning step. */
  const current = () => (queue[0]?.hidden === false ? queue[0] : undefined);
  const answer = (card: HTMLElement) => card.querySelector<HTMLElement>('[data-answer]')!;
  const isRevealed = (card: HTMLElement) => !answer(card).hidden;

  /** Shows the card at the head of the queue; on first load, as the server rendered it (maybe revealed). */
  function show(first = false): void {
    clearTimeout(waiting);
    // The first card whose time has come goes first; if none has, wait for the soonest.
    const now = performance.now();
    const ready = queue.findIndex((c) => (dueAt.get(c) ?? 0) <= now);
    if (ready > 0) queue.unshift(...queue.splice(ready, 1));
    if (ready < 0 && queue.length > 0) {
      const soonest = Math.min(...queue.map((c) => dueAt.get(c) ?? 0));
      for (const other of cards) other.hidden = true;
      const minutes = Math.max(1, Math.ceil((soonest - now) / 60_000));
      status.textContent = `${answered} answered · the next card comes back in ${minutes} min (a learning step)`;
      // Meanwhile, how the session went, and why it is not over.
      showDone(
        `${queue.length === 1 ? 'One card comes' : `${queue.length} cards come`} back in ${minutes} min`,
        `${sessionSummary()} Cards you got wrong or are still learning come back after a few minutes, until you know them.`,
      );
      waiting = setTimeout(() => show(), Math.min(60_000, soonest - now + 50));
      return;
    }
    const card = queue[0];
    done.hidden = true;
    for (const other of cards) other.hidden = other !== card;
    if (progressBar !== null) {
      progressBar.max = cards.length;
      progressBar.value = cards.length - queue.length;
    }
    if (card === undefined) {
      status.textContent = `Done: ${answered} answered`;
      showDone(
        'That’s all for now',
        answered > 0 ? sessionSummary() : 'You have answered every card of this session.',
      );
      done.querySelector('h2')?.setAttribute('tabindex', '-1');
      done.querySelector<HTMLElement>('h2')?.focus();
      return;
    }
    status.textContent = `${queue.length} to go · ${answered} answered${
      answeredCards.has(card) ? ' · this card again: its learning step is up' : ''
    }`;
    shownAt = performance.now();
    if (first) return;
    answer(card).hidden = true;
    card.querySelector<HTMLElement>('[data-reveal-form]')!.hidden = false;
    const front = card.querySelector<HTMLElement>('.study-front')!;
    front.tabIndex = -1;
    front.focus();
  }

  function reveal(): void {
    const card = current();
    if (card === undefined || isRevealed(card)) return;
    answer(card).hidden = false;
    card.querySelector<HTMLElement>('[data-reveal-form]')!.hidden = true;
    answer(card).tabIndex = -1;
    answer(card).focus();
  }

  /** On to the next card; this one comes back in `againInMs` if that is soon. */
  function next(rating: number, againInMs: number | null): void {
    const card = queue.shift()!;
    answered++;
    const comesBack = againInMs !== null && againInMs < AGAIN_WITHIN_MS;
    const firstAnswer = !answeredCards.has(card);
    history.push({
      card,
      rating,
      countsBefore: counts === null ? null : { ...counts },
      firstAnswer,
      dueBefore: nextDueAt.get(card),
    });
    if (counts !== null) {
      // A card answered for the first time leaves "to review now" or "new"; one back from a learning
      // step leaves "later today"; one that comes back again joins it.
      if (!firstAnswer) counts.laterToday = Math.max(0, counts.laterToday - 1);
      else if (card.dataset.kind === 'new') {
        counts.newToday = Math.max(0, counts.newToday - 1);
        counts.newSeenToday++;
      } else counts.dueNow = Math.max(0, counts.dueNow - 1);
      if (comesBack) counts.laterToday++;
      renderCounts();
    }
    answeredCards.add(card);
    if (againInMs !== null) nextDueAt.set(card, performance.now() + againInMs);
    if (comesBack) {
      dueAt.set(card, performance.now() + Math.max(0, againInMs));
      queue.push(card);
    }
    if (member && undoForm !== null) undoForm.hidden = false;
    show();
  }

  function showDone(heading: string, summary: string): void {
    done.hidden = false;
    const title = done.querySelector<HTMLElement>('h2');
    if (title !== null) title.textContent = heading;
    const text = done.querySelector<HTMLElement>('[data-study-done-summary]');
    if (text !== null) text.textContent = summary;
  }

  function renderCounts(): void {
    if (counts === null) return;
    if (dueToday !== null) dueToday.textContent = dueTodayText(counts);
    if (dueDetail !== null) dueDetail.textContent = dueDetailText(counts);
  }

  /** "11 cards, 14 answers in 6 min; Again 3 times (21%); the next card is due in 10 minutes." */
  function sessionSummary(): string {
    const minutes = Math.max(1, Math.round((performance.now() - startedAt) / 60_000));
    const again = history.filter((entry) => entry.rating === 1).length;
    const parts = [
      `${answeredCards.size} ${answeredCards.size === 1 ? 'card' : 'cards'}, ${answered} ${answered === 1 ? 'answer' : 'answers'} in ${minutes} min`,
      `Again ${again} ${again === 1 ? 'time' : 'times'} (${Math.round((100 * again) / Math.max(1, answered))}%)`,
    ];
    const soonest = Math.min(...nextDueAt.values());
    if (Number.isFinite(soonest)) {
      parts.push(`the next of these cards is due ${intervalWords(Math.max(0, soonest - performance.now()))}`);
    }
    return `${parts.join('; ')}.`;
  }

  /** Takes back the last answer (the server puts the card's state back) and shows that card again. */
  async function undo(): Promise<void> {
    const last = history.at(-1);
    if (!member || last === undefined || busy) return;
    busy = true;
    try {
      const token = undoForm?.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
      const response = await fetch('/api/v1/reviews/undo', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'x-csrf-token': token },
      });
      if (!response.ok) throw new Error(String(response.status));
      history.pop();
      answered--;
      if (last.countsBefore !== null) counts = last.countsBefore;
      renderCounts();
      if (last.firstAnswer) answeredCards.delete(last.card);
      if (last.dueBefore === undefined) nextDueAt.delete(last.card);
      else nextDueAt.set(last.card, last.dueBefore);
      // Out of wherever it waits (a learning step), to the front, showing its question.
      queue = queue.filter((card) => card !== last.card);
      dueAt.delete(last.card);
      queue.unshift(last.card);
      done.hidden = true;
      if (history.length === 0 && undoForm !== null) undoForm.hidden = true;
      show();
    } catch {
      status.textContent = 'That answer could not be taken back. Try again.';
    } finally {
      busy = false;
    }
  }

  async function rate(rating: number): Promise<void> {
    const card = current();
    if (card === undefined || !isRevealed(card) || busy) return;
    const elapsed = Math.round(performance.now() - shownAt);
    const durationMs = elapsed <= MAX_DURATION_MS ? elapsed : null;
    const cardId = Number(card.dataset.cardId);
    const variant = Number(card.dataset.variant ?? '0');
    if (!member) {
      addReview({
        id: newReviewId(),
        cardId,
        variant,
        setId: Number(card.dataset.setId),
        rating,
        reviewedAt: Date.now(),
        durationMs,
      });
      next(rating, rating === 1 ? 0 : null);
      return;
    }
    busy = true;
    status.textContent = 'Saving…';
    try {
      const token = card.querySelector<HTMLInputElement>('input[name="_csrf"]')!.value;
      const response = await fetch('/api/v1/reviews', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify({ cardId, variant, rating, durationMs }),
      });
      if (!response.ok) throw new Error(String(response.status));
      const saved = (await response.json()) as {
        due: string;
        reviewedAt: string;
        nextIntervals: Record<'again' | 'hard' | 'good' | 'easy', number>;
      };
      // When it comes back, its buttons say what each rating will do then.
      showIntervals(card, saved.nextIntervals);
      // Both times are the server's: the delay does not depend on this device's clock.
      next(rating, Date.parse(saved.due) - Date.parse(saved.reviewedAt));
    } catch {
      status.textContent = 'Your answer could not be saved. Try again.';
    } finally {
      busy = false;
    }
  }

  function showIntervals(
    card: HTMLElement,
    intervals: Record<'again' | 'hard' | 'good' | 'easy', number>,
  ): void {
    const byRating = [intervals.again, intervals.hard, intervals.good, intervals.easy];
    for (const label of card.querySelectorAll<HTMLElement>('[data-interval]')) {
      const ms = byRating[Number(label.dataset.interval) - 1];
      if (ms === undefined) continue;
      const [shown, spoken] = label.children;
      if (shown !== undefined) shown.textContent = intervalLabel(ms);
      if (spoken !== undefined) spoken.textContent = `, due again ${intervalWords(ms)}`;
    }
  }

  undoForm?.addEventListener('submit', (event) => {
    // An answer from before this page (the form shown by the server) is undone by the form itself.
    if (history.length === 0) return;
    event.preventDefault();
    void undo();
  });

  // A tap (or click) anywhere on the card's question shows the answer, as turning a paper card would.
  study.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    const card = current();
    if (card === undefined || isRevealed(card) || !card.contains(target)) return;
    if (target.closest('a, button, input, select, textarea, label, summary')) return;
    reveal();
  });

  study.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    if (form.matches('[data-reveal-form]')) {
      event.preventDefault();
      reveal();
    } else if (form.matches('[data-rating-form]')) {
      event.preventDefault();
      const button = event.submitter as HTMLButtonElement | null;
      if (button?.value) void rate(Number(button.value));
    }
  });

  document.addEventListener('keydown', (event) => {
    // Keys in an open dialog (the shortcuts list) are the dialog's.
    if (event.defaultPrevented || document.querySelector('dialog[open]') !== null) return;
    const target = event.target as HTMLElement;
    const typing = target.closest('input, textarea, select, [contenteditable="true"]') !== null;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !event.shiftKey && !typing) {
      event.preventDefault();
      void undo();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (typing) return;
    if (event.key === '?') {
      const shortcuts = document.getElementById('study-shortcuts') as HTMLDialogElement | null;
      if (shortcuts !== null && !shortcuts.open) {
        event.preventDefault();
        shortcuts.showModal();
      }
      return;
    }
    const card = current();
    if (card === undefined) return;
    if (event.key === ' ' && !isRevealed(card) && !target.closest('a, button')) {
      event.preventDefault();
      reveal();
    } else if (/^[1-4]$/.test(event.key) && isRevealed(card)) {
      event.preventDefault();
      void rate(Number(event.key));
    }
  });

  let touchStart: { x: number; y: number } | undefined;
  study.addEventListener(
    'touchstart',
    (event) => {
      const touch = event.touches[0];
      touchStart = touch === undefined ? undefined : { x: touch.clientX, y: touch.clientY };
    },
    { passive: true },
  );
  study.addEventListener('touchend', (event) => {
    const touch = event.changedTouches[0];
    const card = current();
    if (touchStart === undefined || touch === undefined || card === undefined) return;
    const dx = touch.clientX - touchStart.x;
    const dy = touch.clientY - touchStart.y;
    touchStart = undefined;
    if (Math.abs(dx) < 60 || Math.abs(dx) < 2 * Math.abs(dy)) return;
    if (!isRevealed(card)) reveal();
    else void rate(dx < 0 ? 1 : 3);
  });

  study.classList.add('is-enhanced');
  show(true);
}
