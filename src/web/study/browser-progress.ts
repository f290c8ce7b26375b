/**
 * Answers given while not logged in, kept in this browser's localStorage until their owner logs in and
 * merges them (POST /api/v1/reviews/merge). Each has a random id, so merging twice adds it once.
 */
export interface StoredReview {
  id: string;
  cardId: number;
  /** Which study item of the card (absent in answers kept before items had variants: 0). */
  variant?: number;
  setId: number;
  rating: number;
  reviewedAt: number;
  durationMs: number | null;
}

const KEY = 'recall.browser-reviews.v1';
/** The most the merge endpoint takes at once; older answers are dropped first. */
const MAX = 2000;

const isStored = (value: unknown): value is StoredReview => {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.id === 'string' &&
    typeof r.cardId === 'number' &&
    (r.variant === undefined || typeof r.variant === 'number') &&
    typeof r.setId === 'number' &&
    typeof r.rating === 'number' &&
    typeof r.reviewedAt === 'number' &&
    (r.durationMs === null || typeof r.durationMs === 'number')
  );
};

export function readReviews(): StoredReview[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isStored) : [];
  } catch {
    return [];
  }
}

export function addReview(review: StoredReview): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([...readReviews(), review].slice(-MAX)));
  } catch {
    // Storage full or disabled: the answer is simply not kept.
  }
}

export function clearReviews(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}

export function newReviewId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}
