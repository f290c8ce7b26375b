/** The Import page's forms as a browser sends them: multipart uploads and the preview's confirmation. */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { BrowserClient } from './browser-client.js';

export type Part = string | { fileName: string; bytes: Uint8Array; type?: string };

/** A multipart/form-data body serialised by undici (FormData → Response), as a browser would send it. */
export async function multipart(fields: [string, Part][]): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of fields) {
    if (typeof value === 'string') form.append(name, value);
    else
      form.append(
        name,
        new Blob([Buffer.from(value.bytes)], { type: value.type ?? 'application/octet-stream' }),
        value.fileName,
      );
  }
  const response = new Response(form);
  return {
    payload: Buffer.from(await response.arrayBuffer()),
    contentType: response.headers.get('content-type')!,
  };
}

export async function postMultipart(
  client: BrowserClient,
  url: string,
  fields: [string, Part][],
): Promise<LightMyRequestResponse> {
  const { payload, contentType } = await multipart(fields);
  return client.request({ method: 'POST', url, headers: { 'content-type': contentType }, payload });
}

export const decodeEntities = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

/** The hidden fields of the preview's confirmation form, as the browser would send them back. */
export function confirmationFields(html: string, choices: Record<string, string>): [string, Part][] {
  const form = /<form[^>]*action="\/import\/confirm"[\s\S]*?<\/form>/.exec(html)?.[0];
  assert.ok(form, 'the preview has a confirmation form');
  const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(
    (match): [string, Part] => [match[1]!, decodeEntities(match[2]!)],
  );
  return [...hidden, ...Object.entries(choices)];
}
