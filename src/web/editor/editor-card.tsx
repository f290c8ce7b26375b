/** One card of the editor's form: its fields, toolbar, live preview and move / delete buttons. */
import { LIMITS } from '../../domain/card-set.js';
import { TAG_LIMITS } from '../../domain/tags.js';
import { renderCardBody } from '../../formats/render-markdown.js';
import type { EditorCard, EditorState } from './editor-form.js';
import { fieldId } from '../views/components/form.js';

export function problem(state: EditorState, field: string) {
  return state.problems.find((p) => p.field === field)?.message;
}

export function FieldError({ state, field }: { state: EditorState; field: string }) {
  const message = problem(state, field);
  if (message === undefined) return null;
  return (
    <p class="field-error" id={`${fieldId(field)}-error`}>
      <span class="visually-hidden">Error: </span>
      {message}
    </p>
  );
}

export const describedBy = (state: EditorState, field: string, hint?: string) =>
  [hint, problem(state, field) !== undefined ? `${fieldId(field)}-error` : undefined]
    .filter(Boolean)
    .join(' ') || undefined;

const KIND_CHOICES = [
  ['basic', 'Basic: title on the front, body on the back'],
  ['cloze', 'Cloze: parts of the body hidden, one card per {{c1::…}}'],
] as const;

/** "Basic", "Cloze · tags: ww2": what the closed options hold. */
function optionsSummary(card: EditorCard): string {
  const kind = card.kind === 'cloze' ? 'Cloze' : card.reversible ? 'Basic, both ways' : 'Basic';
  return card.tags.trim() === '' ? kind : `${kind} · tags: ${card.tags}`;
}

export function EditorCardItem({
  state,
  card,
  index,
}: {
  state: EditorState;
  card: EditorCard;
  index: number;
}) {
  const titleField = `cards[${index}].title`;
  const bodyField = `cards[${index}].body`;
  const kindField = `cards[${index}].kind`;
  const tagsField = `cards[${index}].tags`;
  return (
    <li class="editor-card" data-editor-card>
      <fieldset>
        <legend>Card {index + 1}</legend>
        <input type="hidden" name={`cards[${index}][id]`} value={card.id} />
        <div class={`field${problem(state, titleField) !== undefined ? ' field-invalid' : ''}`}>
          <label for={fieldId(titleField)}>Title (optional)</label>
          <FieldError state={state} field={titleField} />
          <input
            id={fieldId(titleField)}
            name={`cards[${index}][title]`}
            value={card.title}
            maxLength={LIMITS.cardTitleLength}
            aria-describedby={describedBy(state, titleField)}
          />
        </div>
        <div class={`field${problem(state, bodyField) !== undefined ? ' field-invalid' : ''}`}>
          <label for={fieldId(bodyField)}>Body</label>
          <FieldError state={state} field={bodyField} />
          <div
            class="editor-toolbar"
            role="toolbar"
            aria-label={`Card ${index + 1} body tools`}
            data-editor-toolbar
            hidden
          >
            <button
              type="button"
              class="button button-small button-secondary"
              data-cloze-button
              aria-keyshortcuts="Control+Shift+C Alt+Shift+C"
              title="Wrap the selected text in the next cloze deletion (Ctrl+Shift+C or Alt+Shift+C)"
            >
              Cloze deletion <kbd aria-hidden="true">Ctrl+Shift+C</kbd>
            </button>
          </div>
          <textarea
            id={fieldId(bodyField)}
            name={`cards[${index}][body]`}
            rows={3}
            maxLength={LIMITS.cardBodyLength}
            aria-describedby={describedBy(state, bodyField, 'card-format-hint')}
            data-preview-source
          >
            {card.body}
          </textarea>
        </div>
        <details
          class="card-options"
          open={
            card.kind !== 'basic' ||
            card.reversible ||
            card.tags !== '' ||
            [kindField, tagsField].some((field) => problem(state, field) !== undefined)
          }
        >
          <summary>
            Kind and tags<span class="visually-hidden"> of card {index + 1}</span>
            <span class="card-options-now">{optionsSummary(card)}</span>
          </summary>
          <div class="field-row">
            <div class={`field${problem(state, kindField) !== undefined ? ' field-invalid' : ''}`}>
              <label for={fieldId(kindField)}>Kind</label>
              <FieldError state={state} field={kindField} />
              <select
                id={fieldId(kindField)}
                name={`cards[${index}][kind]`}
                aria-describedby={describedBy(state, kindField)}
                data-card-kind
              >
                {KIND_CHOICES.map(([value, label]) => (
                  <option key={value} value={value} selected={card.kind === value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div class="field field-checkbox">
              <label class="checkbox" for={fieldId(`cards[${index}].reversible`)}>
                <input
                  type="checkbox"
                  id={fieldId(`cards[${index}].reversible`)}
                  name={`cards[${index}][reversible]`}
                  value="1"
                  checked={card.reversible}
                  data-card-reversible
                />{' '}
                Also study reversed (body on the front, title as the answer; basic cards)
              </label>
            </div>
          </div>
          <div class={`field${problem(state, tagsField) !== undefined ? ' field-invalid' : ''}`}>
            <label for={fieldId(tagsField)}>Card tags (optional)</label>
            <FieldError state={state} field={tagsField} />
            <input
              id={fieldId(tagsField)}
              name={`cards[${index}][tags]`}
              value={card.tags}
              maxLength={TAG_LIMITS.fieldLength}
              aria-describedby={describedBy(state, tagsField)}
            />
          </div>
        </details>
        <div class="card-preview" aria-live="polite" hidden={card.body.trim() === ''} data-preview-box>
          <p class="card-preview-label">Preview</p>
          <div
            class="card-body"
            data-preview
            dangerouslySetInnerHTML={{
              __html: card.body.trim() === '' ? '' : renderCardBody(card),
            }}
          />
        </div>
        <div class="editor-card-actions">
          <button
            type="submit"
            name="action"
            value={`up:${index}`}
            class="button button-small"
            disabled={index === 0}
            data-move="up"
          >
            Move up<span class="visually-hidden"> card {index + 1}</span>
          </button>
          <button
            type="submit"
            name="action"
            value={`down:${index}`}
            class="button button-small"
            disabled={index === state.cards.length - 1}
            data-move="down"
          >
            Move down<span class="visually-hidden"> card {index + 1}</span>
          </button>
          <button
            type="submit"
            name="action"
            value={`delete:${index}`}
            class="button button-small button-danger"
            data-delete
          >
            Delete<span class="visually-hidden"> card {index + 1}</span>
          </button>
        </div>
      </fieldset>
    </li>
  );
}
