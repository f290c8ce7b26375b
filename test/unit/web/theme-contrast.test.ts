/**
 * WCAG AA contrast of the design tokens in both themes: each colour token in tokens.css is
 * light-dark(light, dark), resolved through the Open Props ramps it names, and every pair that is
 * used as text on a background (4.5:1) or as a control's edge or a focus ring on a surface (3:1) is checked.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { wcagContrast } from 'culori';

const require = createRequire(import.meta.url);
const tokensCss = readFileSync(new URL('../../../src/web/assets/styles/tokens.css', import.meta.url), 'utf8');

/** The Open Props colour ramps that tokens.css imports, as --name → hex. */
function openPropsColours(): Map<string, string> {
  const colours = new Map<string, string>();
  for (const [, ramp] of tokensCss.matchAll(/@import 'open-props\/([a-z]+)';/g)) {
    const css = readFileSync(require.resolve(`open-props/${ramp}`), 'utf8');
    for (const [, name, value] of css.matchAll(/--([a-z0-9-]+):(#[0-9a-f]{3,8})[;}]/gi)) {
      colours.set(name!, value!);
    }
  }
  return colours;
}

type ThemeName = 'light' | 'dark';

/** --color-* tokens → their light and dark values, resolved to hex. */
function colourTokens(): Map<string, Record<ThemeName, string>> {
  const ramps = openPropsColours();
  const resolve = (value: string): string => {
    const reference = /^var\(--([a-z0-9-]+)\)$/.exec(value.trim());
    if (reference === null) return value.trim();
    const hex = ramps.get(reference[1]!);
    if (hex === undefined)
      throw new Error(`tokens.css names --${reference[1]}, which no imported ramp defines`);
    return hex;
  };
  const tokens = new Map<string, Record<ThemeName, string>>();
  for (const [, name, body] of tokensCss.matchAll(/^\s*--(color-[a-z0-9-]+):\s*(.+);$/gm)) {
    const pair = /^light-dark\(([^,]+),\s*([^,]+)\)$/.exec(body!);
    if (pair === null) throw new Error(`--${name} is not light-dark(light, dark): ${body}`);
    tokens.set(name!.replace(/^color-/, ''), { light: resolve(pair[1]!), dark: resolve(pair[2]!) });
  }
  return tokens;
}

const TEXT = 4.5;
const NON_TEXT = 3;

const pairs: [foreground: string, backgrounds: string[], minimum: number][] = [
  [
    'text',
    [
      'bg',
      'surface',
      'surface-2',
      'surface-raised',
      'accent-soft',
      'danger-soft',
      'success-soft',
      'warning-soft',
      'highlight',
    ],
    TEXT,
  ],
  ['text-muted', ['bg', 'surface', 'surface-2', 'surface-raised'], TEXT],
  ['accent', ['bg', 'surface', 'surface-2', 'surface-raised', 'accent-soft'], TEXT],
  ['accent-hover', ['bg', 'surface', 'surface-2'], TEXT],
  ['accent-strong', ['surface', 'accent-soft'], TEXT],
  ['on-accent', ['accent', 'accent-hover'], TEXT],
  ['danger', ['bg', 'surface', 'surface-2', 'danger-soft'], TEXT],
  ['on-danger', ['danger', 'danger-hover'], TEXT],
  ['success', ['bg', 'surface', 'success-soft'], TEXT],
  ['warning', ['bg', 'surface', 'warning-soft'], TEXT],
  ['on-rating', ['rating-again', 'rating-hard', 'rating-good', 'rating-easy'], TEXT],
  ['star', ['surface', 'surface-2'], NON_TEXT],
  ['border-strong', ['bg', 'surface', 'surface-2'], NON_TEXT],
  ['focus', ['bg', 'surface', 'surface-2', 'surface-raised'], NON_TEXT],
  ['chart-4', ['surface'], NON_TEXT],
  ['chart-empty-line', ['surface'], NON_TEXT],
];

describe('design tokens', () => {
  const tokens = colourTokens();

  it('defines every colour token for both themes, from colours that exist', () => {
    assert.ok(tokens.size >= 30, `only ${tokens.size} colour tokens found in tokens.css`);
    for (const [name, values] of tokens) {
      for (const theme of ['light', 'dark'] as const) {
        assert.ok(wcagContrast(values[theme], '#000') >= 1, `--color-${name} (${theme}) is not a colour`);
      }
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`meets WCAG AA contrast in the ${theme} theme`, () => {
      const failures: string[] = [];
      for (const [foreground, backgrounds, minimum] of pairs) {
        for (const background of backgrounds) {
          const fg = tokens.get(foreground)?.[theme];
          const bg = tokens.get(background)?.[theme];
          assert.ok(
            fg !== undefined && bg !== undefined,
            `--color-${foreground} or --color-${background} missing`,
          );
          const ratio = wcagContrast(fg, bg);
          if (ratio < minimum) {
            failures.push(`${foreground} ${fg} on ${background} ${bg}: ${ratio.toFixed(2)} < ${minimum}`);
          }
        }
      }
      assert.deepEqual(failures, []);
    });
  }
});
