/**
 * The colour theme a browser asked for: a cookie the server reads, so the page arrives in that theme
 * (`<html data-theme>`) with no flash. No cookie: the page follows the device (prefers-color-scheme).
 */
import type { FastifyRequest } from 'fastify';

export const THEME_COOKIE = 'recall_theme';
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** A year: a preference, kept until changed. */
export const THEME_COOKIE_MAX_AGE_S = 60 * 60 * 24 * 365;

export const isTheme = (value: unknown): value is Theme => value === 'light' || value === 'dark';

/** The theme chosen in this browser, or null to follow the device. */
export function requestTheme(request: FastifyRequest): Theme | null {
  // cookies is missing when an error happens before the cookie plugin ran.
  const value = (request.cookies as Record<string, string | undefined> | undefined)?.[THEME_COOKIE];
  return isTheme(value) ? value : null;
}
