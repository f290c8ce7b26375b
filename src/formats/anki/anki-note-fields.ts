/**
 * What Anki derives from a note's fields: the sort field and checksum it uses to find duplicates, and a
 * guid. These follow Anki's own definitions (rslib/src/notes, text.rs) so that Anki sees the same
 * duplicates it would have made itself.
 */
import { createHash } from 'node:crypto';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Field HTML → text: media file names kept (Anki keeps them so they stay searchable), tags dropped, entities decoded. */
export function stripHtmlKeepingMedia(html: string): string {
  return (
    html
      // Tags end at the next `<` or `>` (the HTML is markdown-it's, which escapes both in text and attributes):
      // a scan for `>` alone would run to the end of the text again from every `<` of a text without one.
      .replace(/<img\b[^<>]*>/gi, (tag) => {
        const src = /\ssrc\s*=\s*["']?([^"'\s<>]+)/i.exec(tag)?.[1];
        return src === undefined ? tag : ` ${src} `;
      })
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, '')
      .replace(/<[^<>]*>/g, '')
      .replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
        if (name.startsWith('#')) {
          const code = /^#x/i.test(name) ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
          return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        }
        return ENTITIES[name.toLowerCase()] ?? whole;
      })
      .trim()
  );
}

/** Anki's csum: the first 8 hex digits of the SHA-1 of the stripped first field, as an integer. */
export const fieldChecksum = (strippedFirstField: string): number =>
  Number.parseInt(createHash('sha1').update(strippedFirstField, 'utf8').digest('hex').slice(0, 8), 16);

const BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

/** An Anki-style guid (base91 of 64 bits), derived from the parts so that re-exporting gives the same guid. */
export function stableGuid(...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('\u001f'), 'utf8').digest();
  let value = digest.readBigUInt64BE(0);
  let guid = '';
  do {
    guid = BASE91[Number(value % 91n)]! + guid;
    value /= 91n;
  } while (value > 0n);
  return guid;
}

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
