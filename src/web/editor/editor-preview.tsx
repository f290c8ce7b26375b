/**
 * The editor's Preview: the set as visitors will see it — its title, subtitle, subject and every card as
 * the set page shows them — above the form, which keeps everything typed. Nothing is saved.
 */
import { renderCardBody } from '../../formats/render-markdown.js';
import type { EditorState } from './editor-form.js';

const VISIBILITY_WORDS = {
  private: 'a draft: only you will see it',
  unlisted: 'unlisted: anyone with the link will see it',
  public: 'public: everyone will see it, listed under its subject',
} as const;

export function EditorPreview({ state }: { state: EditorState }) {
  const { fields } = state;
  const cards = state.cards.filter((card) => card.title.trim() !== '' || card.body.trim() !== '');
  const visibility = (
    fields.visibility in VISIBILITY_WORDS ? fields.visibility : 'private'
  ) as keyof typeof VISIBILITY_WORDS;
  return (
    <section class="editor-preview" id="preview" aria-labelledby="preview-heading" tabIndex={-1}>
      <div class="editor-preview-bar">
        <h2 id="preview-heading">Preview</h2>
        <a class="button button-secondary button-small" href="#editor-form">
          Back to editing
        </a>
      </div>
      <p class="hint">
        As visitors will see it once saved ({VISIBILITY_WORDS[visibility]}). Nothing is saved yet.
      </p>
      <article class="card-set editor-preview-set">
        <h1 class="editor-preview-title">{fields.title.trim() === '' ? 'Untitled set' : fields.title}</h1>
        {fields.subtitle.trim() !== '' && <p class="subtitle">{fields.subtitle}</p>}
        <p class="count">
          {[fields.subject, fields.topic, fields.level, fields.examBoard]
            .filter((part) => part.trim() !== '')
            .join(' · ')}
        </p>
        {cards.length === 0 ? (
          <p class="empty">No cards yet.</p>
        ) : (
          <ol class="card-list">
            {cards.map((card, index) => (
              <li class="card" key={index}>
                {card.title.trim() !== '' && <h3 class="card-title">{card.title}</h3>}
                <div class="card-body" dangerouslySetInnerHTML={{ __html: renderCardBody(card) }} />
                <p class="card-count">
                  {index + 1} of {cards.length}
                </p>
              </li>
            ))}
          </ol>
        )}
      </article>
    </section>
  );
}
