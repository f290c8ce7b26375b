import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { clozePlainText } from '../../../src/domain/study/cloze.js';
import { renderCardBody, renderClozeFront, renderMarkdown } from '../../../src/formats/render-markdown.js';

/** The words a reader sees: tags and screen-reader-only text dropped, entities undone, spaces collapsed. */
const seen = (html: string) =>
  html
    .replace(/<span class="visually-hidden">[^<]*<\/span>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

describe('cloze deletions in Markdown', () => {
  const body = '{{c1::Canberra::city}} is the capital of {{c2::Australia}}.';

  it('marks every answer when the card is read, with the hint as a title', () => {
    assert.equal(
      renderCardBody({ kind: 'cloze', body }),
      '<p><mark class="cloze" data-cloze="1" title="Hint: city">Canberra</mark> is the capital of <mark class="cloze" data-cloze="2">Australia</mark>.</p>\n',
    );
  });

  it('hides one number behind a gap showing its hint, and marks it on the back', () => {
    const front = renderMarkdown(body, { cloze: { number: 1, side: 'front' } });
    assert.match(front, /^<p><span class="cloze cloze-gap" data-cloze="1">/);
    assert.match(front, /<span class="visually-hidden">blank, hint: city<\/span>/);
    assert.equal(seen(front), '[city] is the capital of Australia.');
    assert.ok(!front.includes('Canberra'), 'the hidden answer is not in the page');
    const back = renderMarkdown(body, { cloze: { number: 1, side: 'back' } });
    assert.match(back, /<mark class="cloze cloze-answer" data-cloze="1">Canberra<\/mark>/);
    assert.ok(!back.includes('data-cloze="2"'), 'other numbers read as plain text');
  });

  it('hides every deletion behind its gap on a flashcard front, no answer left in the page', () => {
    const front = renderClozeFront(body);
    assert.equal(seen(front), '[city] is the capital of […].');
    assert.ok(!front.includes('Canberra') && !front.includes('Australia'));
    assert.equal(front.match(/cloze-gap/g)?.length, 2);
  });

  it('escapes whatever the answer and the hint hold, raw HTML staying off', () => {
    const html = renderCardBody({
      kind: 'cloze',
      body: '{{c1::<script>alert(1)</script>::"><img src=x onerror=alert(1)>}} & <b>b</b>',
    });
    assert.ok(!html.includes('<script'), html);
    assert.ok(!html.includes('<img'), html);
    assert.ok(!html.includes('<b>'), html);
    assert.match(html, /title="Hint: &quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;"/);
    const front = renderMarkdown('{{c1::x::<i>"hint"</i>}}', { cloze: { number: 1, side: 'front' } });
    assert.match(front, /\[&lt;i&gt;&quot;hint&quot;&lt;\/i&gt;\]/);
    assert.ok(!front.includes('<i>'));
  });

  it('renders Markdown inside a deletion, and deletions inside links and emphasis', () => {
    const html = renderCardBody({
      kind: 'cloze',
      body: '**{{c1::The *capital*}}** and [{{c2::link}}](https://example.org)',
    });
    assert.equal(
      html,
      '<p><strong><mark class="cloze" data-cloze="1">The <em>capital</em></mark></strong> and <a href="https://example.org" rel="nofollow ugc noopener noreferrer"><mark class="cloze" data-cloze="2">link</mark></a></p>\n',
    );
  });

  it('reads nested deletions as study does: hiding the outer one hides the inner', () => {
    const nested = '{{c1::The capital is {{c2::Canberra}}}}.';
    assert.equal(seen(renderMarkdown(nested, { cloze: { number: 1, side: 'front' } })), '[…].');
    assert.equal(
      seen(renderMarkdown(nested, { cloze: { number: 2, side: 'front' } })),
      'The capital is […].',
    );
  });

  it('leaves braces as text in a basic card, in code, and where a deletion is not well formed', () => {
    assert.equal(renderCardBody({ kind: 'basic', body }), `<p>${body}</p>\n`);
    const html = renderCardBody({
      kind: 'cloze',
      body: '`{{c1::code}}` {{c0::x}} {{c1:x}} {{c1::never closed',
    });
    assert.equal(html, '<p><code>{{c1::code}}</code> {{c0::x}} {{c1:x}} {{c1::never closed</p>\n');
  });

  it('reads any text the way clozePlainText does: the answers, with nothing lost', () => {
    const unit = fc.constantFrom('{', '}', 'c', '1', '2', ':', 'a', ' ');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        const body = `x ${text} y`;
        assert.equal(
          seen(renderCardBody({ kind: 'cloze', body })),
          seen(renderMarkdown(clozePlainText(body))),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('reads a body of ten thousand characters of unclosed openings, or of nested deletions', () => {
    const body = '{{c1::'.repeat(1666);
    assert.equal(seen(renderCardBody({ kind: 'cloze', body })), body);
    const nested = `${'{{c1::a '.repeat(40)}${'}}'.repeat(40)}`;
    assert.equal(seen(renderCardBody({ kind: 'cloze', body: nested })), 'a '.repeat(40).trim());
  });
});
