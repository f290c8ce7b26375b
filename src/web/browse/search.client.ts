/** Search as you type: the results region follows the box (the form still works without this). */
const form = document.querySelector<HTMLFormElement>('form[data-search]');
const region = document.querySelector<HTMLElement>('[data-search-results]');
if (form !== null && region !== null) {
  let timer: number | undefined;
  let latest = 0;
  const update = async () => {
    const params = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    const url = `/search?${params.toString()}`;
    params.set('part', 'results');
    const request = ++latest;
    try {
      const response = await fetch(`/search?${params.toString()}`, { credentials: 'same-origin' });
      if (!response.ok || request !== latest) return;
      // Server-rendered, escaped HTML: the same markup as the full page.
      region.innerHTML = await response.text();
      history.replaceState(null, '', url);
    } catch {
      // Offline: the Search button still submits the form.
    }
  };
  form.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void update(), 250);
  });
}
