import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { escapeMarkdownText } from '../../../src/formats/markdown-text.js';
import { renderMarkdown } from '../../../src/formats/render-markdown.js';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('renderMarkdown', () => {
  it('renders lists, paragraphs and headings under the card title (h4 and below)', () => {
    assert.equal(
      renderMarkdown('### Sub\n\n- a\n- b\n\ntext'),
      '<h4>Sub</h4>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>text</p>\n',
    );
    assert.equal(renderMarkdown('# Big'), '<h4>Big</h4>\n');
    assert.equal(renderMarkdown('###### Small'), '<h6>Small</h6>\n');
  });

  it('never passes raw HTML through', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> <b>bold</b>');
    assert.ok(!html.includes('<script'));
    assert.ok(!html.includes('<img'));
    assert.ok(!html.includes('<b>'));
  });

  it('links only to http(s) and mailto, marked as user content', () => {
    assert.equal(
      renderMarkdown('[site](https://example.org)'),
      '<p><a href="https://example.org" rel="nofollow ugc noopener noreferrer">site</a></p>\n',
    );
    assert.match(renderMarkdown('[mail](mailto:a@b.org)'), /href="mailto:a@b.org"/);
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      assert.ok(!renderMarkdown(`[x](${bad})`).includes('<a '), bad);
    }
  });

  it('shows no images (they would load from other sites)', () => {
    assert.ok(!renderMarkdown('![x](https://example.org/a.png)').includes('<img'));
  });
});

describe('escapeMarkdownText', () => {
  it('renders any single line of text as exactly that text', () => {
    const line = fc
      .oneof(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
      )
      .map((s) => s.replace(/[\r\n\t]/g, ' ').trim())
      .filter((s) => s !== '');
    fc.assert(
      fc.property(line, (text) => {
        const html = renderMarkdown(escapeMarkdownText(text));
        assert.equal(html, `<p>${escapeHtml(text)}</p>\n`);
      }),
      { numRuns: 2000 },
    );
  });
});
