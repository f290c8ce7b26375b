/** The print view's Print button: shown only with JavaScript, since it needs window.print(). */
const button = document.querySelector<HTMLButtonElement>('[data-print-button]');
if (button !== null) {
  button.hidden = false;
  document.querySelector<HTMLElement>('[data-print-hint]')?.setAttribute('hidden', '');
  button.addEventListener('click', () => window.print());
}
