/** On every page: the theme toggle, menus that close as people expect, dialogs, and times in local time. */
import { showLocalTimes } from './local-time.js';
import { enhanceThemeToggles } from './theme.js';

enhanceThemeToggles();
showLocalTimes();

// Menus (<details data-menu>) open without JavaScript; with it, one at a time, and a click elsewhere
// or Escape closes them.
const menus = Array.from(document.querySelectorAll<HTMLDetailsElement>('details[data-menu]'));
for (const menu of menus) {
  menu.addEventListener('toggle', () => {
    if (menu.open) for (const other of menus) if (other !== menu) other.open = false;
  });
}
document.addEventListener('click', (event) => {
  for (const menu of menus) if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
});
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  for (const menu of menus) {
    if (!menu.open) continue;
    menu.open = false;
    menu.querySelector('summary')?.focus();
  }
});

// Dialogs: their buttons are hidden until a script can open them.
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-opens-dialog]')) {
  const dialog = document.getElementById(button.dataset.opensDialog ?? '');
  if (!(dialog instanceof HTMLDialogElement)) continue;
  button.hidden = false;
  button.addEventListener('click', () => dialog.showModal());
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
}
