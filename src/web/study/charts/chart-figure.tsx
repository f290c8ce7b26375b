/**
 * Charts drawn as SVG on the server. None relies on colour alone: every chart has a <title> and <desc>,
 * values are written on it or given by shape and pattern, and each comes with its numbers as a table.
 */
import type { ComponentChildren } from 'preact';

export const shortDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
export const monthName = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
export const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

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

export function SvgTitle({ id, title, desc }: { id: string; title: string; desc: string }) {
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
