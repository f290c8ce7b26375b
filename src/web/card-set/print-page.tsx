import type { Card, CardSet } from '../../domain/card-set.js';
import { renderCardBody } from '../../formats/render-markdown.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { printSheets, type PrintRow } from './print-sheets.js';
import { cardSetUrl } from '../views/urls.js';

interface PrintPageProps {
  page: PageContext;
  set: CardSet;
  /** 1: each card whole; 2: fronts and backs on facing pages for double-sided printing. */
  sides: 1 | 2;
}

/** Long backs get smaller type, so that more of them fits a card of fixed size. */
const densityOf = (body: string) =>
  body.length > 700 ? ' print-card-densest' : body.length > 350 ? ' print-card-dense' : '';

const frontText = (card: Card, number: number) => card.title ?? `Card ${number}`;

function Row({ row, side, total }: { row: PrintRow<Card>; side: 'front' | 'back'; total: number }) {
  return (
    <>
      {row.map((cell, column) =>
        cell === null ? (
          <div class="print-card print-card-blank" aria-hidden="true" key={`blank-${column}`} />
        ) : side === 'front' ? (
          <div class="print-card print-card-front" key={cell.number}>
            <p class="print-card-title">{frontText(cell.card, cell.number)}</p>
            <p class="print-card-count">
              {cell.number} of {total}
            </p>
          </div>
        ) : (
          <div class={`print-card print-card-back${densityOf(cell.card.body)}`} key={cell.number}>
            <div class="print-card-body" dangerouslySetInnerHTML={{ __html: renderCardBody(cell.card) }} />
            <p class="print-card-count">
              {cell.number} of {total}
            </p>
          </div>
        ),
      )}
    </>
  );
}

/** The set as printable revision cards: a grid of bordered cards, or fronts and backs for both sides. */
export function PrintPage({ page, set, sides }: PrintPageProps) {
  const total = set.cards.length;
  const setUrl = cardSetUrl(set);
  return (
    <Layout
      page={page}
      title={`Print “${set.title}”`}
      breadcrumbs={[
        { label: 'Home', href: '/' },
        { label: set.title, href: setUrl },
      ]}
      scripts={['print.js']}
    >
      <div class="print-controls">
        <h1>Print “{set.title}”</h1>
        <p>
          {total} cards.{' '}
          {sides === 1
            ? 'Each card prints whole, title and body, as many to a page as fit.'
            : 'Fronts (titles) and backs (bodies) print on alternate pages, eight cards to a sheet: print on both sides, flipping on the long edge, and each back lands behind its front. Cards are all one size, so the end of a very long card may be cut off: print those single-sided.'}
        </p>
        <ul class="print-options">
          <li>
            <a href={`/sets/${set.id}/print`} aria-current={sides === 1 ? 'page' : undefined}>
              Single-sided
            </a>
          </li>
          <li>
            <a href={`/sets/${set.id}/print?sides=2`} aria-current={sides === 2 ? 'page' : undefined}>
              Double-sided (fronts and backs)
            </a>
          </li>
        </ul>
        <p class="print-actions">
          <button type="button" class="button" data-print-button hidden>
            Print
          </button>
          <span class="hint" data-print-hint>
            Use your browser’s Print command (Ctrl+P or ⌘P).
          </span>{' '}
          <a href={setUrl}>Back to the set</a>
        </p>
      </div>
      {sides === 1 ? (
        <ol class="print-grid print-single" aria-label={`Cards of ${set.title}`}>
          {set.cards.map((card, index) => (
            <li class="print-card" key={index}>
              {card.title !== null && <p class="print-card-title">{card.title}</p>}
              <div class="print-card-body" dangerouslySetInnerHTML={{ __html: renderCardBody(card) }} />
              <p class="print-card-count">
                {index + 1} of {total}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        printSheets(set.cards).map((sheet) => (
          <>
            <section
              class="print-sheet print-sheet-fronts"
              aria-label={`Sheet ${sheet.number}: fronts`}
              key={`front-${sheet.number}`}
            >
              <h2 class="print-sheet-label">Sheet {sheet.number}: fronts</h2>
              <div class="print-grid">
                {sheet.fronts.map((row, index) => (
                  <Row row={row} side="front" total={total} key={index} />
                ))}
              </div>
            </section>
            <section
              class="print-sheet print-sheet-backs"
              aria-label={`Sheet ${sheet.number}: backs`}
              key={`back-${sheet.number}`}
            >
              <h2 class="print-sheet-label">Sheet {sheet.number}: backs (print on the reverse)</h2>
              <div class="print-grid">
                {sheet.backs.map((row, index) => (
                  <Row row={row} side="back" total={total} key={index} />
                ))}
              </div>
            </section>
          </>
        ))
      )}
    </Layout>
  );
}
