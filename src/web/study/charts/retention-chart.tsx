/** Answers remembered per week. See chart-figure.tsx for what every chart gives besides colour. */
import { formatDate, isoDate, plural } from '../../views/format.js';
import { ChartFigure, monthName, shortDate, SvgTitle } from './chart-figure.js';

export function RetentionChart({
  weeks,
}: {
  weeks: readonly { weekStart: Date; reviews: number; passed: number }[];
}) {
  const width = 560;
  const height = 200;
  const left = 40;
  const right = 12;
  const top = 22;
  const bottom = 30;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const step = weeks.length > 1 ? plotW / (weeks.length - 1) : 0;
  const x = (i: number) => left + i * step;
  const y = (share: number) => top + (1 - share) * plotH;
  const points = weeks.map((w, i) => ({ ...w, i, share: w.reviews === 0 ? null : w.passed / w.reviews }));
  const withData = points.filter((p) => p.share !== null);
  const segments: string[] = [];
  let current = '';
  for (const p of points) {
    if (p.share === null) {
      if (current !== '') segments.push(current);
      current = '';
      continue;
    }
    current += `${current === '' ? 'M' : 'L'}${x(p.i).toFixed(1)},${y(p.share).toFixed(1)} `;
  }
  if (current !== '') segments.push(current);
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const desc =
    withData.length === 0
      ? 'No answers yet, so no retention to show.'
      : `Share of answers other than Again, per week, in ${plural(withData.length, 'week')} with reviews: ` +
        withData.map((p) => `week of ${shortDate.format(p.weekStart)} ${percent(p.share!)}`).join(', ') +
        '.';
  let lastMonth = -1;
  return (
    <ChartFigure
      id="retention"
      recentLast
      caption="Retention: answers remembered (not Again), per week"
      table={
        <table class="data-table">
          <caption>Retention per week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Answers</th>
              <th scope="col">Remembered</th>
              <th scope="col">Retention</th>
            </tr>
          </thead>
          <tbody>
            {withData.length === 0 ? (
              <tr>
                <td colSpan={4}>No answers yet.</td>
              </tr>
            ) : (
              withData.map((p) => (
                <tr key={isoDate(p.weekStart)}>
                  <td>
                    <time dateTime={isoDate(p.weekStart)}>{formatDate(p.weekStart)}</time>
                  </td>
                  <td>{p.reviews}</td>
                  <td>{p.passed}</td>
                  <td>{percent(p.share!)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      }
    >
      <svg
        class="chart-svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="retention-title retention-desc"
      >
        <SvgTitle id="retention" title="Retention per week" desc={desc} />
        {[0, 0.5, 1].map((share) => (
          <g key={share}>
            <line class="chart-grid" x1={left} x2={width - right} y1={y(share)} y2={y(share)} />
            <text class="chart-label" x={left - 6} y={y(share) + 4} text-anchor="end">
              {percent(share)}
            </text>
          </g>
        ))}
        {points.map((p) => {
          const month = p.weekStart.getUTCMonth();
          if (month === lastMonth) return null;
          lastMonth = month;
          return (
            <text class="chart-label" x={x(p.i)} y={height - 8} text-anchor="middle" key={p.i}>
              {monthName.format(p.weekStart)}
            </text>
          );
        })}
        {segments.map((d) => (
          <path class="chart-line" d={d} key={d} fill="none" />
        ))}
        {withData.map((p) => (
          <g key={p.i}>
            <circle class="chart-point" cx={x(p.i)} cy={y(p.share!)} r={4} />
            <text class="chart-value" x={x(p.i)} y={y(p.share!) - 8} text-anchor="middle">
              {percent(p.share!)}
            </text>
          </g>
        ))}
        {withData.length === 0 && (
          <text class="chart-label" x={width / 2} y={height / 2} text-anchor="middle">
            No answers yet
          </text>
        )}
      </svg>
    </ChartFigure>
  );
}

// ---------------------------------------------------------------------------------------------------
// Forecast of due cards
