/**
 * The theme toggle with JavaScript: switches at once and remembers the choice in the same cookie the
 * server reads (so the next page arrives in this theme), without the round trip the form makes.
 */
const COOKIE = 'recall_theme';
const ONE_YEAR_S = 60 * 60 * 24 * 365;

type Theme = 'light' | 'dark';

function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  document.querySelector('meta[name="color-scheme"]')?.setAttribute('content', theme);
  // The browser's own bar: one colour now, the page's background in this theme.
  const colours = document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]');
  colours.forEach((meta, index) => {
    if (index > 0) meta.remove();
  });
  colours[0]?.removeAttribute('media');
  colours[0]?.setAttribute('content', getComputedStyle(root).backgroundColor);
  const secure = location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `${COOKIE}=${theme}; path=/; max-age=${ONE_YEAR_S}; samesite=lax${secure}`;
}

export function enhanceThemeToggles(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-theme-toggle]')) {
    form.addEventListener('submit', (event) => {
      const button = event.submitter;
      if (!(button instanceof HTMLButtonElement)) return;
      const theme = button.value;
      if (theme !== 'light' && theme !== 'dark') return;
      event.preventDefault();
      applyTheme(theme);
      // The pressed button is hidden now; the one that switches back takes the focus.
      form
        .querySelector<HTMLButtonElement>(`button[value="${theme === 'dark' ? 'light' : 'dark'}"]`)
        ?.focus();
    });
  }
}
