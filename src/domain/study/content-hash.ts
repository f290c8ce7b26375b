/**
 * Small non-cryptographic hashes (cyrb53) for stable ids of generated content: the same question always
 * gets the same id, on the server and in the browser (no node:crypto, so this module bundles anywhere).
 */
function cyrb53(text: string, seed = 0): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** A 32-bit hash of the text (used to turn string seeds into numbers). */
export function contentHash32(text: string): number {
  return cyrb53(text)[0];
}

/** A 16-hex-digit id for the given parts (joined with a separator that cannot occur in text). */
export function contentId(parts: readonly string[]): string {
  const [h1, h2] = cyrb53(parts.join('\u0000'));
  return h2.toString(16).padStart(8, '0') + h1.toString(16).padStart(8, '0');
}
