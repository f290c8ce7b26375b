/**
 * The Import page's live preview: as cards are pasted or the format options change, the text is read by
 * POST /api/v1/imports/preview (as the Preview button would read it) and the cards it holds are listed
 * under the form. Files are read only by the Preview button. Without this script the button does it all.
 */
const form = document.querySelector<HTMLFormElement>('form.import-form');
const panel = document.querySelector<HTMLElement>('[data-import-live-preview]');

interface PreviewAnswer {
  formatLabel: string;
  reading: { separator: string; rowSeparator: string; header: boolean } | null;
  cardCount: number;
  sets: { title: string; cardCount: number; cards: { title: string | null; body: string }[] }[];
}

if (form && panel) {
  const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]')!.value;
  const summary = panel.querySelector<HTMLElement>('[data-import-live-summary]')!;
  const list = panel.querySelector<HTMLOListElement>('[data-import-live-cards]')!;
  const value = (name: string) =>
    form.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${name}"]`)
      ?.value ?? '';
  let timer: number | undefined;
  let asked = 0;

  const option = (choice: string, custom: string) => (choice === 'custom' ? value(custom) : choice);

  async function update(): Promise<void> {
    const text = value('text');
    if (text.trim() === '') {
      panel!.hidden = true;
      return;
    }
    const body: Record<string, unknown> = { text };
    if (value('format') !== '') body.format = value('format');
    const separator = option(value('separator'), 'separatorCustom');
    const rowSeparator = option(value('rowSeparator'), 'rowSeparatorCustom');
    if (separator !== '') body.separator = separator;
    if (rowSeparator !== '') body.rowSeparator = rowSeparator;
    if (value('header') !== '') body.header = value('header') === 'yes';
    const ask = ++asked;
    try {
      const response = await fetch('/api/v1/imports/preview', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      });
      if (ask !== asked) return;
      const answer = (await response.json()) as PreviewAnswer & { detail?: string; title?: string };
      list.replaceChildren();
      panel!.hidden = false;
      if (!response.ok) {
        summary.textContent = answer.detail ?? answer.title ?? 'Recall could not read these cards.';
        return;
      }
      const how =
        answer.reading === null
          ? ''
          : ` Term and definition separated by ${answer.reading.separator}, cards by ${answer.reading.rowSeparator}.`;
      summary.textContent = `Read as ${answer.formatLabel}: ${answer.cardCount} ${answer.cardCount === 1 ? 'card' : 'cards'}.${how}`;
      for (const set of answer.sets) {
        for (const card of set.cards) {
          const item = document.createElement('li');
          const title = document.createElement('span');
          title.className = 'import-preview-title';
          title.textContent = card.title ?? 'Untitled card';
          const text = document.createElement('span');
          text.className = 'import-preview-body';
          text.textContent = card.body.split('\n').slice(0, 2).join(' / ');
          item.append(title, ' ', text);
          list.append(item);
        }
      }
    } catch {
      // Offline: the Preview button still reads the cards.
    }
  }

  const later = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void update(), 300);
  };
  form.addEventListener('input', later);
  form.addEventListener('change', later);
  if (value('text').trim() !== '') later();
}
