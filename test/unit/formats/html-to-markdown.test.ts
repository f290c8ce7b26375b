import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  HtmlBudget,
  HtmlTooComplexError,
  htmlToMarkdown,
  htmlToPlainText,
} from '../../../src/formats/html/html-to-markdown.js';
import { markdownToHtml } from '../../../src/formats/markdown-syntax.js';

const toMarkdown = (html: string) => htmlToMarkdown(html, new HtmlBudget());

describe('htmlToMarkdown', () => {
  it('keeps text, paragraphs, line breaks, lists, bold and italic', () => {
    assert.equal(
      toMarkdown(
        '<div>One <b>bold</b> and <i>italic</i></div><div>two<br>lines</div><ul><li>a</li><li>b</li></ul><ol start="3"><li>c</li></ol>',
      ),
      'One **bold** and *italic*\n\ntwo\\\nlines\n\n- a\n- b\n\n3. c',
    );
  });

  it('drops scripts, styles and frames with their content', () => {
    assert.equal(toMarkdown('a<script>alert(1)</script><style>b{}</style><iframe src="x"></iframe>b'), 'ab');
  });

  it('keeps only http(s) and mailto links', () => {
    assert.equal(
      toMarkdown('<a href="javascript:alert(1)">x</a> <a href="https://a.org/b c">y</a>'),
      'x [y](<https://a.org/b c>)',
    );
  });

  it('turns media into text references, since Recall imports no media', () => {
    assert.equal(
      toMarkdown('<img src="cell_1.jpg"> <audio src="a.mp3"></audio> [sound:b.mp3]'),
      '\\[image: cell\\_1.jpg\\] \\[audio: a.mp3\\] \\[sound:b.mp3\\]',
    );
  });

  it('keeps text that looks like HTML or Markdown as text', () => {
    assert.equal(
      toMarkdown('&lt;b&gt; 5 * 3 &amp;amp; # not a heading'),
      '\\<b> 5 \\* 3 \\&amp; # not a heading',
    );
    assert.equal(
      markdownToHtml(toMarkdown('&lt;script&gt;x&lt;/script&gt;')),
      '<p>&lt;script&gt;x&lt;/script&gt;</p>',
    );
  });

  it('refuses absurdly nested HTML before parsing it (parsers take time growing with the square of the depth)', () => {
    assert.throws(() => toMarkdown('<div>'.repeat(101)), /more than 100 deep/);
    assert.equal(toMarkdown(`${'<div>'.repeat(100)}deep${'</div>'.repeat(100)}`), 'deep');
    assert.equal(toMarkdown('<ul>' + '<li>item'.repeat(500) + '</ul>').split('\n').length, 500);
  });

  it('refuses more tags in one import than its budget allows', () => {
    const budget = new HtmlBudget(10);
    htmlToMarkdown('<b>a</b><i>b</i>', budget);
    assert.throws(() => htmlToMarkdown('<b>a</b><i>b</i><u>c</u><s>d</s>', budget), HtmlTooComplexError);
  });

  it('gives plain words for titles', () => {
    assert.equal(
      htmlToPlainText('<div>Cell&nbsp;<b>membrane</b></div><div>two</div>', new HtmlBudget()),
      'Cell membrane two',
    );
  });

  it('never lets HTML through to what Recall renders', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '<script>',
            '</script>',
            '<img src=x onerror=alert(1)>',
            '<b>',
            '</b>',
            '&lt;',
            'text',
            '<a href="javascript:x">',
            '</a>',
            '<p>',
            '<style>',
            '"',
            "'",
          ),
          { maxLength: 20 },
        ),
        (parts) => {
          const html = markdownToHtml(toMarkdown(parts.join('')));
          assert.doesNotMatch(html, /<(script|img|style|a href="javascript)/i);
        },
      ),
      { numRuns: 300 },
    );
  });
});
