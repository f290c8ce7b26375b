/**
 * Makes the card-set editor comfortable; the form works without it (its buttons post the form):
 * - add, delete and move cards in the page, without a round trip; Alt+↑ / Alt+↓ move the card with focus;
 *   cards can be dragged by their handle;
 * - a live preview of each card's Markdown, rendered by the server (the same renderer as the set page);
 * - a cloze button (and Ctrl+Shift+C or Alt+Shift+C in a body; Ctrl+Alt+Shift+C keeps the last number)
 *   wrapping the selection in the next `{{cN::…}}`, making the card a cloze card;
 * - Enter in a card's title goes on to its body; Tab out of the last card's body adds the next card, as
 *   in Quizlet;
 * - the main button says what it will do for the visibility chosen (Save as draft, Publish);
 * - a warning before leaving with unsaved changes.
 */

const form = document.querySelector<HTMLFormElement>('form[data-editor]');
if (form !== null) enhance(form);

function enhance(editor: HTMLFormElement): void {
  const list = editor.querySelector<HTMLOListElement>('[data-editor-cards]')!;
  const csrf = editor.querySelector<HTMLInputElement>('input[name="_csrf"]')!.value;
  let dirty = false;
  let submitting = false;

  const announcer = document.createElement('p');
  announcer.className = 'visually-hidden';
  announcer.setAttribute('role', 'status');
  announcer.setAttribute('aria-live', 'polite');
  list.before(announcer);
  const announce = (message: string) => {
    announcer.textContent = message;
  };

  const cards = () => Array.from(list.querySelectorAll<HTMLLIElement>(':scope > [data-editor-card]'));

  /** Field names, ids, labels and buttons carry the card's index: rewrite them after any change of order. */
  function renumber(): void {
    const all = cards();
    all.forEach((card, index) => {
      const legend = card.querySelector('legend');
      if (legend) legend.textContent = `Card ${index + 1}`;
      for (const element of card.querySelectorAll<HTMLElement>(
        '[name^="cards["], [id^="field-cards-"], [for^="field-cards-"], [aria-describedby]',
      )) {
        for (const attribute of ['name', 'id', 'for', 'aria-describedby']) {
          const value = element.getAttribute(attribute);
          if (value === null) continue;
          element.setAttribute(
            attribute,
            value
              .replace(/^cards\[\d+\]/, `cards[${index}]`)
              .replace(/field-cards-\d+-/g, `field-cards-${index}-`),
          );
        }
      }
      card.querySelector('[data-editor-toolbar]')?.setAttribute('aria-label', `Card ${index + 1} body tools`);
      const optionsLabel = card.querySelector('.card-options summary .visually-hidden');
      if (optionsLabel) optionsLabel.textContent = ` of card ${index + 1}`;
      for (const button of card.querySelectorAll<HTMLButtonElement>('button[name="action"]')) {
        button.value = button.value.replace(/:\d+$/, `:${index}`);
        const hidden = button.querySelector('.visually-hidden');
        if (hidden) hidden.textContent = ` card ${index + 1}`;
      }
      const up = card.querySelector<HTMLButtonElement>('[data-move="up"]');
      const down = card.querySelector<HTMLButtonElement>('[data-move="down"]');
      if (up) up.disabled = index === 0;
      if (down) down.disabled = index === all.length - 1;
    });
  }

  function move(card: HTMLLIElement, direction: -1 | 1): void {
    const all = cards();
    const index = all.indexOf(card);
    const target = all[index + direction];
    if (target === undefined) return;
    if (direction === -1) target.before(card);
    else target.after(card);
    renumber();
    dirty = true;
    announce(`Card moved to position ${index + 1 + direction} of ${all.length}.`);
  }

  function addCard(): void {
    const template = cards()[0];
    let card: HTMLLIElement;
    if (template === undefined) {
      // No card to copy: let the server add one.
      editor.requestSubmit(editor.querySelector<HTMLButtonElement>('[data-add-card]'));
      return;
    } else {
      card = template.cloneNode(true) as HTMLLIElement;
      for (const field of card.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
        if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = false;
        else field.value = '';
        if (field instanceof HTMLTextAreaElement) field.textContent = '';
      }
      for (const select of card.querySelectorAll('select')) select.selectedIndex = 0;
      for (const error of card.querySelectorAll('.field-error')) error.remove();
      for (const invalid of card.querySelectorAll('.field-invalid'))
        invalid.classList.remove('field-invalid');
      card.querySelector('[data-preview]')!.innerHTML = '';
      card.querySelector<HTMLElement>('[data-preview-box]')!.hidden = true;
      const options = card.querySelector<HTMLDetailsElement>('details.card-options');
      if (options) options.open = false;
      const now = card.querySelector('.card-options-now');
      if (now) now.textContent = 'Basic';
    }
    list.append(card);
    renumber();
    dirty = true;
    card.querySelector<HTMLInputElement>('input[name$="[title]"]')?.focus();
    announce(`Added card ${cards().length}.`);
  }

  function deleteCard(card: HTMLLIElement): void {
    const all = cards();
    const index = all.indexOf(card);
    card.remove();
    renumber();
    dirty = true;
    const next = cards()[Math.min(index, cards().length - 1)];
    (
      next?.querySelector<HTMLElement>('input[name$="[title]"]') ??
      editor.querySelector<HTMLElement>('[data-add-card]')
    )?.focus();
    announce(`Deleted card ${index + 1}.`);
  }

  editor.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button');
    if (button === null) return;
    const card = button.closest<HTMLLIElement>('[data-editor-card]');
    if (button.dataset.move !== undefined && card !== null) {
      event.preventDefault();
      move(card, button.dataset.move === 'up' ? -1 : 1);
      // Keep focus on the same button as the card moves (unless it just became disabled).
      (button.disabled
        ? card.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)')
        : button
      )?.focus();
    } else if (button.dataset.delete !== undefined && card !== null) {
      event.preventDefault();
      deleteCard(card);
    } else if (button.dataset.addCard !== undefined) {
      event.preventDefault();
      addCard();
    } else if (button.dataset.clozeButton !== undefined && card !== null) {
      event.preventDefault();
      const body = card.querySelector<HTMLTextAreaElement>('textarea[data-preview-source]');
      if (body !== null) wrapInCloze(body, false);
    }
  });

  // The cloze tools need JavaScript: without it the hint above the cards says how to type a deletion.
  for (const toolbar of editor.querySelectorAll<HTMLElement>('[data-editor-toolbar]')) toolbar.hidden = false;

  /** The numbers the body's deletions use (openings are enough to number the next one). */
  const clozeNumbersIn = (text: string) =>
    Array.from(text.matchAll(/\{\{c(\d{1,4})::/g), (match) => Number(match[1]));

  /** Wraps the selection in `{{cN::…}}`: the next number, or the last one again (`same`). */
  function wrapInCloze(body: HTMLTextAreaElement, same: boolean): void {
    const numbers = clozeNumbersIn(body.value);
    const last = numbers.length === 0 ? 0 : Math.max(...numbers);
    const number = same && last > 0 ? last : last + 1;
    const { selectionStart: start, selectionEnd: end } = body;
    const selected = body.value.slice(start, end);
    const opening = `{{c${number}::`;
    body.focus();
    body.setSelectionRange(start, end);
    // insertText keeps the browser's undo history; setRangeText is the fallback.
    if (!document.execCommand('insertText', false, `${opening}${selected}}}`)) {
      body.setRangeText(`${opening}${selected}}}`, start, end, 'end');
      body.dispatchEvent(new Event('input', { bubbles: true }));
    }
    // An empty selection leaves the caret inside the new deletion, ready for its answer.
    const caret = selected === '' ? start + opening.length : start + opening.length + selected.length + 2;
    body.setSelectionRange(caret, caret);
    const card = body.closest<HTMLLIElement>('[data-editor-card]');
    const kind = card?.querySelector<HTMLSelectElement>('select[data-card-kind]');
    if (kind && kind.value !== 'cloze') {
      kind.value = 'cloze';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    }
    const position = card === null || card === undefined ? 0 : cards().indexOf(card) + 1;
    announce(`Deletion c${number} added to card ${position}${kind ? ', a cloze card' : ''}.`);
  }

  // Ctrl+Shift+C as in Anki (Ctrl+Alt+Shift+C: the same number again); some browsers keep Ctrl+Shift+C for
  // their developer tools, so Alt+Shift+C does the same.
  editor.addEventListener('keydown', (event) => {
    if (!event.shiftKey || event.code !== 'KeyC' || !(event.ctrlKey || event.altKey) || event.metaKey) return;
    const body = event.target;
    if (!(body instanceof HTMLTextAreaElement) || !body.hasAttribute('data-preview-source')) return;
    event.preventDefault();
    wrapInCloze(body, event.ctrlKey && event.altKey);
  });

  // Enter in a title goes to the body (not Save); Tab out of the last card's body adds a card.
  editor.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const field = event.target;
    const card = (field as Element).closest<HTMLLIElement>('[data-editor-card]');
    if (card === null) return;
    if (event.key === 'Enter' && field instanceof HTMLInputElement && field.name.endsWith('[title]')) {
      event.preventDefault();
      card.querySelector<HTMLTextAreaElement>('textarea[data-preview-source]')?.focus();
    } else if (
      event.key === 'Tab' &&
      field instanceof HTMLTextAreaElement &&
      field.hasAttribute('data-preview-source') &&
      field.value.trim() !== '' &&
      cards().at(-1) === card
    ) {
      event.preventDefault();
      addCard();
    }
  });

  // The main button's words follow the visibility chosen; Publish is offered beside a draft.
  const saveButton = editor.querySelector<HTMLButtonElement>('[data-save-button]');
  const publishButton = editor.querySelector<HTMLButtonElement>('[data-publish-button]');
  editor.querySelector('[data-visibility]')?.addEventListener('change', (event) => {
    const radio = event.target;
    if (!(radio instanceof HTMLInputElement) || saveButton === null) return;
    const draft = radio.value === 'private';
    saveButton.textContent = draft
      ? 'Save as draft'
      : saveButton.dataset.published === 'true'
        ? 'Save changes'
        : 'Publish';
    if (publishButton) publishButton.hidden = !draft;
  });

  editor.addEventListener('keydown', (event) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const card = (event.target as Element).closest<HTMLLIElement>('[data-editor-card]');
    if (card === null) return;
    event.preventDefault();
    const focused = document.activeElement as HTMLElement | null;
    move(card, event.key === 'ArrowUp' ? -1 : 1);
    focused?.focus();
  });

  // Drag and drop by each card's handle.
  let dragged: HTMLLIElement | null = null;
  for (const card of cards()) addHandle(card);
  function addHandle(card: HTMLLIElement): void {
    if (card.querySelector('.drag-handle')) return;
    const handle = document.createElement('span');
    handle.className = 'drag-handle';
    handle.draggable = true;
    handle.title = 'Drag to reorder (or Alt+↑ / Alt+↓)';
    handle.setAttribute('aria-hidden', 'true');
    handle.textContent = '⠿';
    card.querySelector('legend')?.after(handle);
  }
  new MutationObserver(() => cards().forEach(addHandle)).observe(list, { childList: true });
  list.addEventListener('dragstart', (event) => {
    const handle = (event.target as Element).closest('.drag-handle');
    if (handle === null) return;
    dragged = handle.closest<HTMLLIElement>('[data-editor-card]');
    event.dataTransfer?.setData('text/plain', 'card');
    dragged?.classList.add('is-dragging');
  });
  list.addEventListener('dragover', (event) => {
    if (dragged === null) return;
    event.preventDefault();
    const over = (event.target as Element).closest<HTMLLIElement>('[data-editor-card]');
    if (over === null || over === dragged) return;
    const box = over.getBoundingClientRect();
    if (event.clientY < box.top + box.height / 2) over.before(dragged);
    else over.after(dragged);
  });
  list.addEventListener('dragend', () => {
    if (dragged === null) return;
    dragged.classList.remove('is-dragging');
    renumber();
    dirty = true;
    announce(`Card moved to position ${cards().indexOf(dragged) + 1}.`);
    dragged = null;
  });

  // Live preview, rendered by the server so that it matches the set page exactly.
  const timers = new WeakMap<HTMLTextAreaElement, number>();
  const schedulePreview = (source: HTMLTextAreaElement, delay: number) => {
    window.clearTimeout(timers.get(source));
    timers.set(
      source,
      window.setTimeout(() => void preview(source), delay),
    );
  };
  editor.addEventListener('input', (event) => {
    dirty = true;
    const source = event.target;
    if (!(source instanceof HTMLTextAreaElement) || !source.hasAttribute('data-preview-source')) return;
    schedulePreview(source, 300);
  });
  // A card's kind decides how its deletions read in the preview.
  editor.addEventListener('change', (event) => {
    dirty = true;
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || !select.hasAttribute('data-card-kind')) return;
    const source = select
      .closest('[data-editor-card]')
      ?.querySelector<HTMLTextAreaElement>('textarea[data-preview-source]');
    if (source) schedulePreview(source, 0);
  });

  async function preview(source: HTMLTextAreaElement): Promise<void> {
    const card = source.closest('[data-editor-card]');
    const target = card?.querySelector<HTMLElement>('[data-preview]');
    if (!target) return;
    const kind = card?.querySelector<HTMLSelectElement>('select[data-card-kind]')?.value ?? 'basic';
    try {
      const response = await fetch('/api/v1/preview', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ markdown: source.value, kind: kind === 'cloze' ? 'cloze' : 'basic' }),
        credentials: 'same-origin',
      });
      if (!response.ok) return;
      const { html } = (await response.json()) as { html: string };
      // Server-rendered Markdown with raw HTML off: the same HTML the set page shows.
      target.innerHTML = html;
      const box = card?.querySelector<HTMLElement>('[data-preview-box]');
      if (box) box.hidden = html.trim() === '';
    } catch {
      // Offline: the preview stays as it was; saving still works.
    }
  }

  editor.addEventListener('submit', () => {
    submitting = true;
  });
  window.addEventListener('beforeunload', (event) => {
    if (!dirty || submitting) return;
    event.preventDefault();
    event.returnValue = '';
  });
}
