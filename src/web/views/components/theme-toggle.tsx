import { Icon } from './icon.js';

/**
 * Light or dark: a form, so it works without JavaScript (POST /theme sets the cookie and sends the
 * browser back); the site script switches at once instead. Both buttons are in the page and the
 * stylesheet shows the one that leads away from the theme in use, whether chosen or the device's.
 * It carries no CSRF token, so that it can sit on pages cached for every visitor (see theme.routes).
 */
export function ThemeToggle() {
  return (
    <form method="post" action="/theme" class="theme-toggle" data-theme-toggle>
      <button
        type="submit"
        name="theme"
        value="dark"
        class="button button-quiet button-icon theme-to-dark"
        title="Switch to the dark theme"
      >
        <Icon name="moon" />
        <span class="visually-hidden">Dark theme</span>
      </button>
      <button
        type="submit"
        name="theme"
        value="light"
        class="button button-quiet button-icon theme-to-light"
        title="Switch to the light theme"
      >
        <Icon name="sun" />
        <span class="visually-hidden">Light theme</span>
      </button>
    </form>
  );
}
