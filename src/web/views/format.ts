/** How dates and counts read on the page (British English, like the seed's exam boards). */
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

export const formatDate = (date: Date): string => dateFormat.format(date);
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
