import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { slugify } from '../../../src/domain/slug.js';

describe('slugify', () => {
  it('makes readable slugs from titles and names', () => {
    assert.equal(slugify('Persecution and Control'), 'persecution-and-control');
    assert.equal(slugify('Russia - 19th and 20th century'), 'russia-19th-and-20th-century');
    assert.equal(slugify('WJEC/Eduqas: Crème brûlée & co.'), 'wjec-eduqas-creme-brulee-and-co');
  });

  it('gives "untitled" for text with no letters or digits', () => {
    assert.equal(slugify('!!! ???'), 'untitled');
    assert.equal(slugify('中文'), 'untitled');
  });

  it('always gives a URL-safe slug of at most 80 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const slug = slugify(text);
        assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.ok(slug.length <= 80);
        assert.equal(slugify(slug), slug, 'stable');
      }),
    );
  });
});
