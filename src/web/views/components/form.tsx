/** Accessible form parts: labels, hints, a message per field, and a summary of problems that links to each. */
import type { ComponentChildren } from 'preact';
import { problemFor, type FormState } from '../../forms.js';

export const fieldId = (name: string): string => `field-${name.replace(/[^\w-]/g, '-')}`;

export function ErrorSummary({ state, labels = {} }: { state: FormState; labels?: Record<string, string> }) {
  if (state.message === null && state.problems.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{state.message ?? 'There is a problem'}</h2>
      {state.problems.length > 0 && (
        <ul>
          {state.problems.map((problem) => (
            <li key={`${problem.field}:${problem.message}`}>
              <a href={`#${fieldId(problem.field)}`}>
                {labels[problem.field] !== undefined ? `${labels[problem.field]}: ` : ''}
                {problem.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

interface FieldProps {
  state: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function FieldFrame({
  state,
  name,
  label,
  hint,
  children,
}: FieldProps & { children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren }) {
  const id = fieldId(name);
  const problem = problemFor(state, name);
  const describedBy = [hint !== undefined ? `${id}-hint` : '', problem !== undefined ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field${problem !== undefined ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {hint !== undefined && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problem !== undefined && (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">Error: </span>
          {problem}
        </p>
      )}
      {children(describedBy === '' ? undefined : describedBy, problem !== undefined)}
    </div>
  );
}

export function TextField(
  props: FieldProps & { type?: 'text' | 'email' | 'password'; autocomplete?: string; maxLength?: number },
) {
  const { state, name, type = 'text', autocomplete, maxLength, required } = props;
  return (
    <FieldFrame {...props}>
      {(describedBy, invalid) => (
        <input
          id={fieldId(name)}
          name={name}
          // Preact's typings split <input> by type; all three here are plain text boxes.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
          type={type as 'text'}
          value={type === 'password' ? '' : (state.values[name] ?? '')}
          autocomplete={autocomplete}
          maxLength={maxLength}
          required={required}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        />
      )}
    </FieldFrame>
  );
}

export function FileField(props: FieldProps & { accept: string }) {
  const { name, accept } = props;
  return (
    <FieldFrame {...props}>
      {(describedBy, invalid) => (
        <input
          type="file"
          id={fieldId(name)}
          name={name}
          accept={accept}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        />
      )}
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { rows?: number; maxLength?: number }) {
  const { state, name, rows = 6, maxLength, required } = props;
  return (
    <FieldFrame {...props}>
      {(describedBy, invalid) => (
        <textarea
          id={fieldId(name)}
          name={name}
          rows={rows}
          maxLength={maxLength}
          required={required}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        >
          {state.values[name] ?? ''}
        </textarea>
      )}
    </FieldFrame>
  );
}

export function SelectField(props: FieldProps & { options: readonly { value: string; label: string }[] }) {
  const { state, name, options, required } = props;
  const selected = state.values[name] ?? '';
  return (
    <FieldFrame {...props}>
      {(describedBy, invalid) => (
        <select
          id={fieldId(name)}
          name={name}
          required={required}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value} selected={option.value === selected}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
