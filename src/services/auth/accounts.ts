/** Sign-up, log-in, log-out, password changes and sessions. */
import { createHash, randomBytes } from 'node:crypto';
import {
  isRole,
  normaliseEmail,
  normaliseHandle,
  passwordProblems,
  signUpProblems,
  type SignUpInput,
} from '../../domain/account.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { Actor, Role } from '../../domain/viewer.js';
import type { ServiceContext } from '../context.js';
import { consumeRateLimit } from '../rate-limits.js';
import { dummyHash, hashPassword, verifyPassword } from './password-hash.js';

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** A session used within this much of its end is extended, so active people stay logged in. */
const SESSION_RENEW_WITHIN_MS = 15 * 24 * 60 * 60 * 1000;

export interface SessionUser extends Actor {
  handle: string;
  displayName: string;
}

export interface NewSession {
  /** Goes in the cookie; only its hash is stored. */
  token: string;
  expiresAt: Date;
  user: SessionUser;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const toRole = (role: string): Role => (isRole(role) ? role : 'member');

async function startSession(ctx: ServiceContext, user: SessionUser): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now().getTime();
  const expiresAt = now + SESSION_LIFETIME_MS;
  await ctx.repos.sessions.insert({
    tokenHash: hashToken(token),
    userId: user.userId,
    createdAt: now,
    expiresAt,
  });
  return { token, expiresAt: new Date(expiresAt), user };
}

export async function signUp(
  ctx: ServiceContext,
  input: SignUpInput,
  clientKey: string,
): Promise<NewSession> {
  // A whole class may sign up from one school address: generous per address, still stops scripts.
  await consumeRateLimit(ctx, `signup:${clientKey}`, { limit: 30, windowMs: 60 * 60 * 1000 });
  const problems = signUpProblems(input);
  if (problems.length > 0)
    throw new AppError('validation', 'Please correct the highlighted fields.', problems);
  const handle = normaliseHandle(input.handle);
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.repos.users.insertIfFree({
    handle,
    display_name: input.displayName.trim(),
    email,
    password_hash: passwordHash,
    role: 'member',
    created_at: ctx.clock.now().getTime(),
  });
  if (id === undefined) {
    const taken = [];
    if (await ctx.repos.users.findByHandle(handle)) {
      taken.push({ field: 'handle', message: 'This handle is taken; choose another.' });
    }
    if (await ctx.repos.users.findByEmail(email)) {
      taken.push({ field: 'email', message: 'An account with this email exists; log in instead.' });
    }
    throw new AppError('conflict', 'Please correct the highlighted fields.', taken);
  }
  return startSession(ctx, { userId: id, role: 'member', handle, displayName: input.displayName.trim() });
}

/** Log in by handle or email. The same answer for an unknown account and a wrong password. */
export async function logIn(
  ctx: ServiceContext,
  input: { login: string; password: string },
  clientKey: string,
): Promise<NewSession> {
  const login = input.login.trim().toLowerCase();
  await consumeRateLimit(ctx, `login-ip:${clientKey}`, { limit: 100, windowMs: 15 * 60 * 1000 });
  await consumeRateLimit(ctx, `login-account:${login}`, { limit: 10, windowMs: 15 * 60 * 1000 });
  const user = login.includes('@')
    ? await ctx.repos.users.findByEmail(login)
    : await ctx.repos.users.findByHandle(login);
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash()));
  if (user === undefined || user.password_hash === null || !ok) {
    throw new AppError('unauthorized', 'That handle or email and password do not match an account.', [
      { field: 'password', message: 'Check your handle or email and password.' },
    ]);
  }
  return startSession(ctx, {
    userId: user.id,
    role: toRole(user.role),
    handle: user.handle,
    displayName: user.display_name,
  });
}

export async function logOut(ctx: ServiceContext, token: string): Promise<void> {
  await ctx.repos.sessions.delete(hashToken(token));
}

/** The user a session cookie belongs to, or null when it is unknown or expired; renews active sessions. */
export async function findSessionUser(ctx: ServiceContext, token: string): Promise<SessionUser | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const now = ctx.clock.now().getTime();
  const tokenHash = hashToken(token);
  const row = await ctx.repos.sessions.findUser(tokenHash, now);
  if (row === undefined) return null;
  if (row.expiresAt - now < SESSION_RENEW_WITHIN_MS) {
    await ctx.repos.sessions.extend(tokenHash, now + SESSION_LIFETIME_MS);
  }
  return { userId: row.userId, role: toRole(row.role), handle: row.handle, displayName: row.displayName };
}

export async function changePassword(
  ctx: ServiceContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  currentToken: string,
): Promise<void> {
  const user = await ctx.repos.users.findById(actor.userId);
  if (user === undefined) throw notFound('Your account');
  if (user.password_hash === null || !(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new AppError('validation', 'Please correct the highlighted fields.', [
      { field: 'currentPassword', message: 'This is not your current password.' },
    ]);
  }
  const problems = passwordProblems(input.newPassword, 'newPassword');
  if (problems.length > 0)
    throw new AppError('validation', 'Please correct the highlighted fields.', problems);
  await ctx.repos.users.updatePasswordHash(user.id, await hashPassword(input.newPassword));
  // Other devices logged in with the old password are logged out.
  await ctx.repos.sessions.deleteAllForUser(user.id, hashToken(currentToken));
}

/** For the command line: an account with a password and a role, e.g. the first admin. */
export async function createUser(
  ctx: ServiceContext,
  input: SignUpInput & { role: Role },
): Promise<{ id: number; handle: string }> {
  const problems = signUpProblems(input);
  if (problems.length > 0) throw new AppError('validation', 'The account is not valid.', problems);
  const handle = normaliseHandle(input.handle);
  const id = await ctx.repos.users.insertIfFree({
    handle,
    display_name: input.displayName.trim(),
    email: normaliseEmail(input.email),
    password_hash: await hashPassword(input.password),
    role: input.role,
    created_at: ctx.clock.now().getTime(),
  });
  if (id === undefined) throw new AppError('conflict', `The handle "${handle}" or the email is taken.`);
  return { id, handle };
}

export async function setRole(ctx: ServiceContext, handle: string, role: Role): Promise<void> {
  const user = await ctx.repos.users.findByHandle(normaliseHandle(handle));
  if (user === undefined) throw notFound(`The user "${handle}"`);
  await ctx.repos.users.updateRole(user.id, role);
}
