/** Cards by stage per set. See chart-figure.tsx for what every chart gives besides colour. */
import { ChartFigure } from './chart-figure.js';

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
