/** /progress: a learner's reviews, retention, what falls due, and each set's cards by stage, as SVG charts. */
import type { Progress } from '../../services/study/progress.js';
import { ForecastChart } from './charts/forecast-chart.js';
import { RetentionChart } from './charts/retention-chart.js';
import { ReviewHeatmap } from './charts/review-heatmap.js';
import { StagesChart } from './charts/stages-chart.js';
import { plural } from '../views/format.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { cardSetUrl } from '../views/urls.js';

export function ProgressPage({ page, progress }: { page: PageContext; progress: Progress }) {
  const reviewedDays = progress.days.filter((day) => day.count > 0).length;
  return (
    <Layout page={page} title="Your progress" breadcrumbs={[{ label: 'Home', href: '/' }]}>
      <h1>Your progress</h1>
      <p class="lede">
        {progress.totalReviews === 0
          ? 'You have not answered any cards yet. Open a set and press Study to begin.'
          : `${plural(progress.totalReviews, 'answer')} in all; reviews on ${plural(reviewedDays, 'day')} in the last 26 weeks.`}{' '}
        <a href="/review">Review today’s cards</a> · <a href="/exams">Exam dates</a>
      </p>
      <div class="charts">
        <ReviewHeatmap days={progress.days} />
        <RetentionChart weeks={progress.weeks} />
        <ForecastChart days={progress.forecast} />
        {progress.sets.length === 0 ? (
          <section aria-labelledby="stages-empty">
            <h2 id="stages-empty">Cards by stage, per set</h2>
            <p class="empty">No sets yet: sets you study or save appear here.</p>
          </section>
        ) : (
          <StagesChart sets={progress.sets.map((set) => ({ ...set, href: cardSetUrl(set) }))} />
        )}
      </div>
    </Layout>
  );
}
