import { Icon } from './icon.js';

/**
 * Light or dark: a form, so it works without JavaScript (GET /theme sets the cookie and sends the
 * browser back; see theme.routes for why GET); the site script switches at once instead. Both buttons
 * are in the page and the stylesheet shows the one that leads away from the theme in use, whether
 * chosen or the device's.
 */
export function ThemeToggle() {
  return (
    <form method="get" action="/theme" class="theme-toggle" data-theme-toggle>
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
