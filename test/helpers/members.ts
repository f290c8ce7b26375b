/**
 * Members made straight in the database, for tests that need many of them at once: no password hash
 * to compute and no sign-up rate limit, but a real session, so requests go through every check.
 */
import { randomBytes } from 'node:crypto';
import { hashToken, SESSION_LIFETIME_MS } from '../../src/services/auth/accounts.js';
import { slugify } from '../../src/domain/slug.js';
import type { Role } from '../../src/domain/viewer.js';
import type { ServiceContext } from '../../src/services/context.js';
import { BrowserClient } from './browser-client.js';
import type { TestApp } from './test-app.js';

export interface TestMember {
  client: BrowserClient;
  handle: string;
  userId: number;
  displayName: string;
}

let counter = 0;

/**
 * A member and a session straight in the database of any running Recall (an inject test app, or the
 * e2e server); returns the session cookie's value.
 */
export async function memberWithSession(
  ctx: ServiceContext,
  displayName = 'Member',
  role: Role = 'member',
  now = ctx.clock.now().getTime(),
): Promise<{ handle: string; userId: number; displayName: string; sessionToken: string }> {
  counter += 1;
  const handle = `${displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-q${process.pid}-${counter}`.slice(
    0,
    40,
  );
  const { repos } = ctx;
  const userId = await repos.users.insertIfFree({
    handle,
    display_name: displayName,
    email: null,
    password_hash: null,
    role,
    created_at: now,
  });
  if (userId === undefined) throw new Error(`could not create ${handle}`);
  const token = randomBytes(32).toString('base64url');
  await repos.sessions.insert({
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    expiresAt: now + SESSION_LIFETIME_MS,
  });
  return { handle, userId, displayName, sessionToken: token };
}

export async function quickMember(
  t: TestApp,
  displayName = 'Member',
  role: Role = 'member',
): Promise<TestMember> {
  const { handle, userId, sessionToken } = await memberWithSession(
    t.container.ctx,
    displayName,
    role,
    t.clock.now().getTime(),
  );
  const client = new BrowserClient(t.app);
  client.cookies.set('recall_session', sessionToken);
  return { client, handle, userId, displayName };
}

/** A set written by `authorId`, stored directly; returns its id and page path. */
export async function setBy(
  t: TestApp,
  authorId: number,
  options: { title?: string; visibility?: 'public' | 'unlisted' | 'private' } = {},
): Promise<{ id: number; path: string }> {
  const { repos } = t.container.ctx;
  const now = t.clock.now().getTime();
  const subject = await repos.subjects.findOrCreate('Biology', now);
  const title = options.title ?? 'Cells and organelles';
  const id = await repos.cardSets.insert(
    {
      title,
      subtitle: null,
      subject_id: subject.id,
      topic_id: null,
      level: null,
      exam_board: null,
      author_id: authorId,
      visibility: options.visibility ?? 'public',
      card_count: 1,
      created_at: now,
      updated_at: now,
    },
    [{ title: 'Mitochondria', body: 'Where respiration happens.' }],
  );
  return { id, path: `/sets/${id}/${slugify(title)}` };
}
