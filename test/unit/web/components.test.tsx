/** The design system's components as the server renders them: their words, roles and labels. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { Dialog, DialogButton } from '../../../src/web/views/components/dialog.js';
import { EmptyState } from '../../../src/web/views/components/empty-state.js';
import { Icon } from '../../../src/web/views/components/icon.js';
import { PageHeader } from '../../../src/web/views/components/page-header.js';
import { isCurrent, TabBar } from '../../../src/web/views/components/tab-bar.js';
import { Tabs } from '../../../src/web/views/components/tabs.js';
import { ThemeToggle } from '../../../src/web/views/components/theme-toggle.js';
import { Toast } from '../../../src/web/views/components/toast.js';

describe('design-system components', () => {
  it('draws icons inline, hidden from screen readers', () => {
    const html = renderToString(<Icon name="search" />);
    assert.match(html, /^<svg class="icon"[^>]* aria-hidden="true" focusable="false">/);
    assert.match(html, /<circle /, "Lucide's search icon has its circle");
  });

  it('offers both themes as submit buttons of a form sent to /theme, each with a label', () => {
    const html = renderToString(<ThemeToggle />);
    assert.match(html, /<form method="get" action="\/theme"/);
    assert.match(html, /name="theme" value="dark"[^>]*>.*Dark theme<\/span><\/button>/);
    assert.match(html, /name="theme" value="light"[^>]*>.*Light theme<\/span><\/button>/);
  });

  it('marks the current destination of the tab bar, and home only at home', () => {
    const html = renderToString(<TabBar path="/progress" />);
    assert.match(html, /<a href="\/progress" aria-current="page">/);
    assert.equal(html.match(/aria-current/g)?.length, 1);
    assert.equal(isCurrent('/', '/'), true);
    assert.equal(isCurrent('/sets/1/x', '/'), false);
    assert.equal(isCurrent('/import', '/sets/new', ['/import']), true);
    assert.equal(isCurrent('/reviewer', '/review'), false);
  });

  it('renders tabs as links with the current one marked', () => {
    const html = renderToString(
      <Tabs
        label="Study this set"
        tabs={[
          { href: '/a', label: 'Study', current: true },
          { href: '/b', label: 'Timeline' },
        ]}
      />,
    );
    assert.match(html, /<nav aria-label="Study this set"><ul class="tabs">/);
    assert.match(html, /<a href="\/a" aria-current="page">Study<\/a>/);
    assert.match(html, /<a href="\/b">Timeline<\/a>/);
  });

  it('announces a toast politely, escaping what it says', () => {
    const html = renderToString(<Toast message="Saved <b>now</b>" />);
    assert.match(html, /^<p class="notice toast" role="status">/);
    assert.match(html, /Saved &lt;b>now&lt;\/b>/);
  });

  it('labels a dialog by its title and hides its opener until a script can open it', () => {
    const html = renderToString(
      <>
        <Dialog id="keys" title="Keyboard shortcuts">
          <p>Space shows the answer.</p>
        </Dialog>
        <DialogButton dialog="keys">Shortcuts</DialogButton>
      </>,
    );
    assert.match(html, /<dialog id="keys" class="dialog" aria-labelledby="keys-title">/);
    assert.match(html, /<h2 id="keys-title">Keyboard shortcuts<\/h2>/);
    assert.match(html, /<form method="dialog">.*Close<\/span><\/button><\/form>/);
    assert.match(
      html,
      /<button type="button" class="button button-secondary" data-opens-dialog="keys" aria-haspopup="dialog" hidden>/,
    );
  });

  it('gives a page header its kicker, title, lede and actions, and an empty state its heading', () => {
    const header = renderToString(
      <PageHeader
        kicker="Study"
        title="Persecution and Control"
        lede="11 cards"
        actions={<a href="/x">Start</a>}
      />,
    );
    assert.equal(
      header,
      '<header class="page-header"><span class="page-kicker">Study</span><h1>Persecution and Control</h1>' +
        '<p class="lede">11 cards</p><div class="page-actions"><a href="/x">Start</a></div></header>',
    );
    const empty = renderToString(
      <EmptyState icon="review" title="Nothing due" headingLevel={3}>
        Come back tomorrow.
      </EmptyState>,
    );
    assert.match(
      empty,
      /^<div class="empty-state"><svg .*<\/svg><h3>Nothing due<\/h3><p>Come back tomorrow.<\/p><\/div>$/,
    );
  });
});
