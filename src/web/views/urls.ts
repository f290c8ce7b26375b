import type { NamedLink } from '../../domain/card-set.js';

export const cardSetUrl = (set: { id: number; slug: string }): string => `/sets/${set.id}/${set.slug}`;
export const subjectUrl = (subject: NamedLink): string => `/subjects/${subject.slug}`;
export const topicUrl = (subject: NamedLink, topic: NamedLink): string =>
  `/subjects/${subject.slug}/${topic.slug}`;

/** `?next=` for a link to the sign-up or log-in page, so that either returns to where the visitor was. */
export const nextQuery = (next: string): string =>
  next === '/' || next === '/login' || next === '/signup' || next === '/logout'
    ? ''
    : `?next=${encodeURIComponent(next)}`;
