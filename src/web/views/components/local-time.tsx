/**
 * A moment shown in the reader's own time zone: the server writes it in UTC (all it knows), and site.js
 * rewrites the words in the browser's zone ("today at 19:40", "Tue 8 Dec at 07:38").
 */
import { formatDate } from '../format.js';

export const utcTimeText = (moment: Date): string =>
  `${formatDate(moment)} at ${moment.toISOString().slice(11, 16)} UTC`;

export function LocalTime({ moment }: { moment: Date }) {
  return (
    <time dateTime={moment.toISOString()} data-local-time>
      {utcTimeText(moment)}
    </time>
  );
}
