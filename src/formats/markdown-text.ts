/**
 * Plain text → Markdown that renders as exactly that text. Imported words are the author's: a `*` or a
 * leading `1.` in their notes must not turn into emphasis or a numbered list.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/</g, '\\<')
    .replace(/^([#>+=|-])/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}
