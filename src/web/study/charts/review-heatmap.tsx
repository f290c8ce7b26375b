/** The reviews per day of the last weeks, one square a day. See chart-figure.tsx for what every chart gives besides colour. */
import { Fragment } from 'preact';
import { formatDate, isoDate, plural } from '../../views/format.js';
import { ChartFigure, monthName, SvgTitle, weekday } from './chart-figure.js';

const HEAT_LEVELS = [0, 1, 2, 3, 4] as const;

function heatLevel(count: number, max: number): number {
  if (count <= 0) return 0;
  if (max <= 1) return 4;
  return Math.min(4, 1 + Math.floor(((count - 1) / max) * 4));
}

/** Reviews per day as a calendar: one column per week (Monday first), one row per weekday. */
export function ReviewHeatmap({ days }: { days: readonly { date: Date; count: number }[] }) {
  const cell = 13;
  const gap = 3;
  const left = 34;
  const top = 18;
  const weeks = Math.ceil(days.length / 7);
  const width = left + weeks * (cell + gap);
  const height = top + 7 * (cell + gap) + 2;
  const max = Math.max(0, ...days.map((d) => d.count));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const activeDays = days.filter((d) => d.count > 0).length;
  const first = days[0]?.date;
  const last = days.at(-1)?.date;
  const range = first && last ? `${formatDate(first)} to ${formatDate(last)}` : '';
  const desc =
    total === 0
      ? `No reviews from ${range}.`
      : `${plural(total, 'review')} on ${plural(activeDays, 'day')} from ${range}; the most on one day was ${max}.`;
  let lastMonth = -1;
  return (
    <ChartFigure
      id="heatmap"
      recentLast
      legend={
        <p class="chart-legend" aria-hidden="true">
          {HEAT_LEVELS.map((level) => (
            <Fragment key={level}>
              {level === 0 && <span>None</span>}
              {level === 1 && <span>· fewer</span>}
              <svg class="legend-swatch" viewBox="0 0 14 14">
                <rect x={1} y={1} width={12} height={12} rx={2} class={`heat heat-${level}`} />
              </svg>
            </Fragment>
          ))}
          <span>more reviews</span>
        </p>
      }
      caption="Reviews per day, last 26 weeks"
      table={
        <table class="data-table">
          <caption>Days with reviews</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Reviews</th>
            </tr>
          </thead>
          <tbody>
            {days.filter((d) => d.count > 0).length === 0 ? (
              <tr>
                <td colSpan={2}>No reviews yet.</td>
              </tr>
            ) : (
              days
                .filter((d) => d.count > 0)
                .map((d) => (
                  <tr key={isoDate(d.date)}>
                    <td>
                      <time dateTime={isoDate(d.date)}>{formatDate(d.date)}</time>
                    </td>
                    <td>{d.count}</td>
                  </tr>
                ))
            )}
          </tbody>
        </table>
      }
    >
      <svg
        class="chart-svg heatmap"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="heatmap-title heatmap-desc"
      >
        <SvgTitle id="heatmap" title="Calendar of reviews per day" desc={desc} />
        {[0, 2, 4].map((row) => (
          <text
            class="chart-label"
            x={left - 6}
            y={top + row * (cell + gap) + cell - 2}
            text-anchor="end"
            key={row}
          >
            {weekday[row]}
          </text>
        ))}
        {days.map((d, index) => {
          const column = Math.floor(index / 7);
          const row = index % 7;
          const x = left + column * (cell + gap);
          const y = top + row * (cell + gap);
          const level = heatLevel(d.count, max);
          const month = d.date.getUTCMonth();
          const label =
            row === 0 && month !== lastMonth ? (
              <text class="chart-label" x={x} y={top - 6}>
                {monthName.format(d.date)}
              </text>
            ) : null;
          if (row === 0) lastMonth = month;
          return (
            <g key={isoDate(d.date)}>
              {label}
              <rect x={x} y={y} width={cell} height={cell} rx={2} class={`heat heat-${level}`}>
                <title>{`${formatDate(d.date)}: ${plural(d.count, 'review')}`}</title>
              </rect>
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}

// ---------------------------------------------------------------------------------------------------
// Retention per week
