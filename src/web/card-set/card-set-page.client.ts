/**
 * Enhances the card-set page: one card at a time with Previous / Next, the left and right arrow keys
 * and swipes; "Show all cards" returns to the plain list the page is without JavaScript. Every card
 * takes the room of the tallest (a long one scrolls inside), so the controls stay in one place.
 * Flashcards mode shows each card's front (card-front in the page) and turns it over with a tap on the
 * card, the Flip button, Space or Enter; the mode chosen is remembered in this browser.
 */

const MODE_KEY = 'recall-set-view';

function storedMode(): 'cards' | 'flashcards' {
  try {
    return localStorage.getItem(MODE_KEY) === 'flashcards' ? 'flashcards' : 'cards';
  } catch {
    return 'cards';
  }
}

function storeMode(mode: 'cards' | 'flashcards'): void {
  try {
    localStorage.setItem(MODE_KEY, mode);
  } catch {
    // Storage may be off: the mode then lasts for this page only.
  }
}

const root = document.querySelector<HTMLElement>('[data-carousel]');
if (root !== null) enhance(root);

function enhance(carousel: HTMLElement): void {
  const cards = Array.from(carousel.querySelectorAll<HTMLElement>('[data-card]'));
  const total = cards.length;
  if (total === 0) return;
  let current = indexFromHash() ?? 0;
  let showingAll = false;
  let mode = storedMode();
  let flipped = false;

  const modes = document.createElement('div');
  modes.className = 'carousel-modes';
  modes.setAttribute('role', 'group');
  modes.setAttribute('aria-label', 'How to show the cards');
  modes.innerHTML = `
    <button type="button" class="button button-small button-secondary" data-mode="cards" aria-pressed="false">Cards</button>
    <button type="button" class="button button-small button-secondary" data-mode="flashcards" aria-pressed="false">Flashcards</button>`;

  for (const card of cards) card.querySelector<HTMLElement>('.card-front')?.removeAttribute('hidden');

  const toolbar = document.createElement('div');
  toolbar.className = 'carousel-toolbar';
  toolbar.innerHTML = `
    <button type="button" class="button button-secondary" data-action="previous"><span aria-hidden="true">← </span>Previous</button>
    <p class="carousel-status" role="status" aria-live="polite"></p>
    <button type="button" class="button button-secondary" data-action="next">Next<span aria-hidden="true"> →</span></button>
    <button type="button" class="button button-large card-flip" data-action="flip" aria-pressed="false">Flip<span class="key-hint" aria-hidden="true"> (Space)</span></button>
    <button type="button" class="button button-quiet" data-action="toggle-all" aria-pressed="false">Show all cards</button>`;
  carousel.append(toolbar);
  const previousButton = toolbar.querySelector<HTMLButtonElement>('[data-action="previous"]')!;
  const nextButton = toolbar.querySelector<HTMLButtonElement>('[data-action="next"]')!;
  const toggleButton = toolbar.querySelector<HTMLButtonElement>('[data-action="toggle-all"]')!;
  const flipButton = toolbar.querySelector<HTMLButtonElement>('[data-action="flip"]')!;
  // The last row: the two modes, and Show all cards.
  const footer = document.createElement('div');
  footer.className = 'carousel-footer';
  footer.append(modes, toggleButton);
  toolbar.append(footer);
  const status = toolbar.querySelector<HTMLElement>('.carousel-status')!;
  carousel.classList.add('is-carousel');
  // A card taller than its room scrolls: keyboard users reach it with Tab.
  for (const card of cards) card.tabIndex = 0;

  function indexFromHash(): number | undefined {
    const match = /^#card-(\d+)$/.exec(window.location.hash);
    if (match === null) return undefined;
    const n = Number(match[1]);
    return n >= 1 && n <= total ? n - 1 : undefined;
  }

  function render(): void {
    const flashcards = mode === 'flashcards' && !showingAll;
    carousel.classList.toggle('is-showing-all', showingAll);
    carousel.classList.toggle('is-flashcards', flashcards);
    cards.forEach((card, index) => {
      card.hidden = !showingAll && index !== current;
      card.classList.toggle('is-flipped', flashcards && flipped && index === current);
    });
    for (const button of modes.querySelectorAll<HTMLButtonElement>('[data-mode]')) {
      button.setAttribute('aria-pressed', String(button.dataset.mode === mode));
      button.disabled = showingAll;
    }
    flipButton.hidden = !flashcards;
    flipButton.setAttribute('aria-pressed', String(flipped));
    flipButton.firstChild!.textContent = flipped ? 'Show the front' : 'Flip';
    const focused = document.activeElement;
    previousButton.disabled = showingAll || current === 0;
    nextButton.disabled = showingAll || current === total - 1;
    // A button that just became disabled loses focus to <body>: hand it to its partner instead.
    if (focused === nextButton && nextButton.disabled && !previousButton.disabled) previousButton.focus();
    if (focused === previousButton && previousButton.disabled && !nextButton.disabled) nextButton.focus();
    status.textContent = showingAll ? `All ${total} cards` : `${current + 1} of ${total}`;
    toggleButton.setAttribute('aria-pressed', String(showingAll));
  }

  function go(index: number): void {
    if (showingAll || index < 0 || index >= total || index === current) return;
    current = index;
    flipped = false;
    history.replaceState(null, '', `#card-${current + 1}`);
    render();
  }

  function flip(): void {
    if (mode !== 'flashcards' || showingAll) return;
    flipped = !flipped;
    render();
  }

  modes.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-mode]');
    if (button === null) return;
    mode = button.dataset.mode === 'flashcards' ? 'flashcards' : 'cards';
    flipped = false;
    storeMode(mode);
    render();
  });
  flipButton.addEventListener('click', flip);

  previousButton.addEventListener('click', () => go(current - 1));
  nextButton.addEventListener('click', () => go(current + 1));
  toggleButton.addEventListener('click', () => {
    showingAll = !showingAll;
    render();
  });

  // The per-card links (the no-JavaScript navigation) move the carousel instead of scrolling; a tap on a
  // flashcard (not on a link in it) turns it over.
  carousel.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (target.closest('[data-card]') !== null && target.closest('a, button') === null) {
      flip();
      return;
    }
    const link = target.closest<HTMLAnchorElement>('a.card-nav');
    if (link === null || showingAll) return;
    const match = /#card-(\d+)$/.exec(link.href);
    if (match === null) return;
    event.preventDefault();
    go(Number(match[1]) - 1);
  });

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    const onControl = target.closest('a, button, summary') !== null;
    if (event.key === 'ArrowRight') go(current + 1);
    else if (event.key === 'ArrowLeft') go(current - 1);
    else if (
      (event.key === ' ' || event.key === 'Enter') &&
      !onControl &&
      mode === 'flashcards' &&
      !showingAll
    )
      flip();
    else return;
    event.preventDefault();
  });

  window.addEventListener('hashchange', () => {
    const index = indexFromHash();
    if (index !== undefined) go(index);
  });

  // Swipe left / right on touch screens.
  let touchStart: { x: number; y: number } | undefined;
  carousel.addEventListener(
    'touchstart',
    (event) => {
      const touch = event.touches[0];
      touchStart = touch === undefined ? undefined : { x: touch.clientX, y: touch.clientY };
    },
    { passive: true },
  );
  carousel.addEventListener('touchend', (event) => {
    const touch = event.changedTouches[0];
    if (touchStart === undefined || touch === undefined) return;
    const dx = touch.clientX - touchStart.x;
    const dy = touch.clientY - touchStart.y;
    touchStart = undefined;
    if (Math.abs(dx) > 50 && Math.abs(dx) > 2 * Math.abs(dy)) go(dx < 0 ? current + 1 : current - 1);
  });

  // Printing shows every card (see the print stylesheet) and the resource information.
  const details = document.querySelector<HTMLDetailsElement>('details.resource-info');
  let wasOpen = true;
  window.addEventListener('beforeprint', () => {
    wasOpen = details?.open ?? true;
    if (details) details.open = true;
  });
  window.addEventListener('afterprint', () => {
    if (details) details.open = wasOpen;
  });

  render();
}
