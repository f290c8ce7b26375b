/** <time data-local-time>: the server's UTC words rewritten in the reader's time zone (see local-time.tsx). */

const dayKey = (date: Date) => `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;

export function localTimeText(moment: Date, now: Date): string {
  const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(moment);
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  if (dayKey(moment) === dayKey(now)) return `today at ${time}`;
  if (dayKey(moment) === dayKey(tomorrow)) return `tomorrow at ${time}`;
  const day = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' }).format(
    moment,
  );
  return `${day} at ${time}`;
}

export function showLocalTimes(root: ParentNode = document): void {
  const now = new Date();
  for (const element of root.querySelectorAll<HTMLTimeElement>('time[data-local-time]')) {
    const moment = new Date(element.dateTime);
    if (Number.isNaN(moment.getTime())) continue;
    element.textContent = localTimeText(moment, now);
  }
}
