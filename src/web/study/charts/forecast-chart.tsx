/** Cards falling due per day. See chart-figure.tsx for what every chart gives besides colour. */
import { formatDate, isoDate, plural } from '../../views/format.js';
import { ChartFigure, shortDate, SvgTitle } from './chart-figure.js';

export function ForecastChart({ days }: { days: readonly { date: Date; count: number }[] }) {
  const width = 560;
  const height = 190;
  const left = 12;
  const right = 12;
  const top = 20;
  const bottom = 30;
  const slot = (width - left - right) / Math.max(1, days.length);
  const bar = Math.max(4, slot - 4);
  const max = Math.max(1, ...days.map((d) => d.count));
  const plotH = height - top - bottom;
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const busiest = days.reduce((best, d) => (d.count > (best?.count ?? 0) ? d : best), days[0]);
  const desc =
    total === 0
      ? 'No cards fall due in the next 30 days.'
      : `${plural(total, 'card')} fall due in the next 30 days; ${days[0]?.count ?? 0} today (with any overdue)` +
        (busiest !== undefined
          ? `; the busiest day is ${formatDate(busiest.date)} with ${busiest.count}.`
          : '.');
  return (
    <ChartFigure
      id="forecast"
      caption="Cards falling due, next 30 days"
      table={
        <table class="data-table">
          <caption>Cards due per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Cards due</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d, i) => (
              <tr key={isoDate(d.date)}>
                <td>
                  <time dateTime={isoDate(d.date)}>
                    {i === 0 ? 'Today (and overdue)' : formatDate(d.date)}
                  </time>
                </td>
                <td>{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <svg
        class="chart-svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="forecast-title forecast-desc"
      >
        <SvgTitle id="forecast" title="Forecast of cards due" desc={desc} />
        <line class="chart-grid" x1={left} x2={width - right} y1={top + plotH} y2={top + plotH} />
        {days.map((d, i) => {
          const h = (d.count / max) * plotH;
          const x = left + i * slot + (slot - bar) / 2;
          return (
            <g key={isoDate(d.date)}>
              {d.count > 0 && (
                <rect class="chart-bar" x={x} y={top + plotH - h} width={bar} height={h}>
                  <title>{`${i === 0 ? 'Today' : formatDate(d.date)}: ${plural(d.count, 'card')}`}</title>
                </rect>
              )}
              {d.count > 0 && (
                <text class="chart-value" x={x + bar / 2} y={top + plotH - h - 4} text-anchor="middle">
                  {d.count}
                </text>
              )}
              {i % 7 === 0 && (
                <text class="chart-label" x={x + bar / 2} y={height - 8} text-anchor="middle">
                  {i === 0 ? 'Today' : shortDate.format(d.date)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}

// ---------------------------------------------------------------------------------------------------
// Cards by stage, per set
