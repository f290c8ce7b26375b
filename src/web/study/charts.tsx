/**
 * Charts drawn as SVG on the server. None relies on colour alone: every chart has a <title> and <desc>,
 * values are written on it or given by shape and pattern, and each comes with its numbers as a table.
 */
import { Fragment, type ComponentChildren } from 'preact';
import { formatDate, isoDate, plural } from '../views/format.js';

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const monthName = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A chart's frame: the figure, its caption, and its numbers as a table behind a disclosure. */
export function ChartFigure({
  id,
  caption,
  children,
  table,
  recentLast = false,
  legend,
}: {
  id: string;
  caption: string;
  children: ComponentChildren;
  table: ComponentChildren;
  /** The latest data is at the right: a chart that must scroll starts scrolled to its end. */
  recentLast?: boolean;
  /** A key to the chart, shown below it (outside the part that scrolls). */
  legend?: ComponentChildren;
}) {
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption>
        <h2 id={`${id}-caption`}>{caption}</h2>
      </figcaption>
      {/* Narrow screens scroll a chart sideways rather than shrink its labels out of reach. */}
      <div
        class={recentLast ? 'chart-scroll chart-scroll-end' : 'chart-scroll'}
        tabIndex={0}
        role="group"
        aria-labelledby={`${id}-caption`}
      >
        {children}
      </div>
      {legend}
      <details class="chart-data">
        <summary>Show the numbers as a table</summary>
        {table}
      </details>
    </figure>
  );
}

function SvgTitle({ id, title, desc }: { id: string; title: string; desc: string }) {
  return (
    <>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
    </>
  );
}

// ---------------------------------------------------------------------------------------------------
// Calendar heatmap

/** Five steps of one hue, light to dark (colours: .heat-0 … .heat-4 in the stylesheet, per theme); zero is an outlined square. */
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

export interface StageCounts {
  id: number;
  title: string;
  href: string;
  new: number;
  learning: number;
  known: number;
  total: number;
}

/**
 * One bar per set: known (solid), learning (hatched), new (outlined). The words are HTML, so they stay
 * readable on a phone while the bars, SVG stretched to the width, take the room there is.
 */
export function StagesChart({ sets }: { sets: readonly StageCounts[] }) {
  const width = 320;
  const barH = 12;
  const words = (s: StageCounts) => `${s.known} known, ${s.learning} learning, ${s.new} new`;
  return (
    <ChartFigure
      id="stages"
      caption="Cards by stage, per set"
      table={
        <table class="data-table">
          <caption>Cards by stage</caption>
          <thead>
            <tr>
              <th scope="col">Set</th>
              <th scope="col">Known</th>
              <th scope="col">Learning</th>
              <th scope="col">New</th>
            </tr>
          </thead>
          <tbody>
            {sets.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <a href={s.href}>{s.title}</a>
                </th>
                <td>{s.known}</td>
                <td>{s.learning}</td>
                <td>{s.new}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      legend={
        <p class="stage-legend" aria-hidden="true">
          <span class="stage-key stage-key-known" /> Known <span class="stage-key stage-key-learning" />{' '}
          Learning <span class="stage-key stage-key-new" /> New
        </p>
      }
    >
      <ul class="stage-rows">
        {sets.map((s) => {
          const scale = s.total === 0 ? 0 : width / s.total;
          const knownW = s.known * scale;
          const learningW = s.learning * scale;
          const newW = s.new * scale;
          return (
            <li key={s.id}>
              <p class="stage-label">
                {s.title}
                {` · ${words(s)}`}
              </p>
              <svg
                class="stage-bar"
                viewBox={`0 0 ${width} ${barH}`}
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
              >
                <defs>
                  <pattern
                    id={`hatch-${s.id}`}
                    width="6"
                    height="6"
                    patternUnits="userSpaceOnUse"
                    patternTransform="rotate(45)"
                  >
                    <rect class="stage-hatch-ground" width="6" height="6" />
                    <line class="stage-hatch-line" x1="0" y1="0" x2="0" y2="6" stroke-width="3" />
                  </pattern>
                </defs>
                {knownW > 0 && <rect class="stage-known" x={0} y={0} width={knownW} height={barH} />}
                {learningW > 0 && (
                  <rect
                    class="stage-learning"
                    x={knownW}
                    y={0}
                    width={learningW}
                    height={barH}
                    fill={`url(#hatch-${s.id})`}
                  />
                )}
                {newW > 0 && (
                  <rect
                    class="stage-new"
                    x={knownW + learningW + 0.5}
                    y={0.5}
                    width={Math.max(0, newW - 1)}
                    height={barH - 1}
                    stroke-width="1"
                    vector-effect="non-scaling-stroke"
                  />
                )}
              </svg>
            </li>
          );
        })}
      </ul>
    </ChartFigure>
  );
}
