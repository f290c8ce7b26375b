import { FORMATS } from '../../formats/registry.js';

/** "Print" and an "Export" disclosure listing every format, for a set's page (no JavaScript needed). */
export function SetFileLinks({ set }: { set: { id: number } }) {
  return (
    <div class="set-files">
      <a href={`/sets/${set.id}/print`}>Print</a>
      <details class="export-menu">
        <summary>Export</summary>
        <ul>
          {FORMATS.map((format) => (
            <li key={format.id}>
              <a href={`/sets/${set.id}/export/${format.id}`} download>
                {format.label} ({format.extension})
              </a>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
