import type { NamedLink } from '../../domain/card-set.js';

export const cardSetUrl = (set: { id: number; slug: string }): string => `/sets/${set.id}/${set.slug}`;
export const subjectUrl = (subject: NamedLink): string => `/subjects/${subject.slug}`;
export const topicUrl = (subject: NamedLink, topic: NamedLink): string =>
  `/subjects/${subject.slug}/${topic.slug}`;
