/** Re-rendering the card-set page when one of its community forms comes back with problems. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getCardSetPage } from '../../services/read-card-set.js';
import { pageContext } from '../page-context.js';
import { sendPage } from '../render.js';
import type { CardSetPageForms } from './card-set-community.js';
import { CardSetPage } from './card-set-page.js';
import { formatViews } from './set-page-cache.js';
import type { WebDeps } from '../route-deps.js';

export async function sendCardSetPageWithForms(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  setId: number,
  forms: CardSetPageForms,
  status: number,
) {
  const data = await getCardSetPage(deps.ctx, request.user, setId);
  return sendPage(
    reply,
    <CardSetPage
      page={pageContext(request, reply, deps.assets)}
      data={data}
      views={formatViews(data.set.viewCount + deps.views.unflushed(data.set.id))}
      forms={forms}
    />,
    status,
  );
}

/** A positive integer id from a form field, or undefined. */
export function formId(value: string | undefined): number | undefined {
  return value !== undefined && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
}
