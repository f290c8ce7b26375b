/** Sign-up, log-out, password changes and sessions (log-in is in log-in.ts). */
import { createHash, randomBytes } from 'node:crypto';
import {
  isRole,
  normaliseEmail,
  normaliseHandle,
  passwordProblems,
  signUpProblems,
  type SignUpInput,
} from '../../domain/account.js';
import { AppError, notFound, type FieldProblem } from '../../domain/errors.js';
import type { Actor, Role } from '../../domain/viewer.js';
import type { ServiceContext } from '../context.js';
import { consumeRateLimit } from '../rate-limits.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { weakPasswordProblems } from './password-strength.js';

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

export const toRole = (role: string): Role => (isRole(role) ? role : 'member');

export async function startSession(ctx: ServiceContext, user: SessionUser): Promise<NewSession> {
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

const handleTaken: FieldProblem = { field: 'handle', message: 'This handle is taken; choose another.' };

/**
 * The problems with a new account's details, the password's strength included; an empty list when it
 * can be made. A taken handle is said (handles are public); an email already in use is not: it may
 * belong to several accounts, so that sign-up never tells a stranger whether an address is registered.
 */
async function newAccountProblems(ctx: ServiceContext, input: SignUpInput): Promise<FieldProblem[]> {
  const problems = signUpProblems(input);
  if (!problems.some((problem) => problem.field === 'password')) {
    problems.push(
      ...(await weakPasswordProblems(input.password, [input.handle, input.displayName, input.email])),
    );
  }
  if (!problems.some((problem) => problem.field === 'handle')) {
    if ((await ctx.repos.users.findByHandle(normaliseHandle(input.handle))) !== undefined) {
      problems.push(handleTaken);
    }
  }
  return problems;
}

function refuse(problems: readonly FieldProblem[], message: string): never {
  const onlyTaken = problems.length === 1 && problems[0] === handleTaken;
  throw new AppError(onlyTaken ? 'conflict' : 'validation', message, problems);
}

/** Inserts the account and its email together; undefined when the handle was taken meanwhile. */
async function insertAccount(
  ctx: ServiceContext,
  input: SignUpInput,
  role: Role,
  passwordHash: string,
): Promise<number | undefined> {
  const now = ctx.clock.now().getTime();
  return ctx.transact(async (repos) => {
    const id = await repos.users.insertIfFree({
      handle: normaliseHandle(input.handle),
      display_name: input.displayName.trim(),
      password_hash: passwordHash,
      role,
      created_at: now,
    });
    if (id !== undefined) await repos.users.setEmail(id, normaliseEmail(input.email), now);
    return id;
  });
}

export async function signUp(
  ctx: ServiceContext,
  input: SignUpInput,
  clientKey: string,
): Promise<NewSession> {
  // A whole class may sign up from one school address: generous per address, still stops scripts.
  await consumeRateLimit(ctx, `signup:${clientKey}`, { limit: 30, windowMs: 60 * 60 * 1000 });
  const problems = await newAccountProblems(ctx, input);
  if (problems.length > 0) refuse(problems, 'Please correct the highlighted fields.');
  const id = await insertAccount(ctx, input, 'member', await hashPassword(input.password));
  if (id === undefined) refuse([handleTaken], 'Please correct the highlighted fields.');
  return startSession(ctx, {
    userId: id,
    role: 'member',
    handle: normaliseHandle(input.handle),
    displayName: input.displayName.trim(),
  });
}

export async function logOut(ctx: ServiceContext, token: string): Promise<void> {
  await ctx.repos.sessions.delete(hashToken(token));
}

export interface FoundSession {
  user: SessionUser;
  /** The hash of the session's token, which is what CSRF tokens are bound to. */
  tokenHash: string;
}

/** The user a session cookie belongs to, or null when it is unknown or expired; renews active sessions. */
export async function findSession(ctx: ServiceContext, token: string): Promise<FoundSession | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const now = ctx.clock.now().getTime();
  const tokenHash = hashToken(token);
  const row = await ctx.repos.sessions.findUser(tokenHash, now);
  if (row === undefined) return null;
  if (row.expiresAt - now < SESSION_RENEW_WITHIN_MS) {
    await ctx.repos.sessions.extend(tokenHash, now + SESSION_LIFETIME_MS);
  }
  return {
    user: { userId: row.userId, role: toRole(row.role), handle: row.handle, displayName: row.displayName },
    tokenHash,
  };
}

/**
 * Changes the password, ends every session of the account (other devices logged in with the old
 * password included) and starts a new one for this device: the session is renewed, not kept.
 */
export async function changePassword(
  ctx: ServiceContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<NewSession> {
  const user = await ctx.repos.users.findById(actor.userId);
  if (user === undefined) throw notFound('Your account');
  if (user.password_hash === null || !(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new AppError('validation', 'Please correct the highlighted fields.', [
      { field: 'currentPassword', message: 'This is not your current password.' },
    ]);
  }
  let problems = passwordProblems(input.newPassword, 'newPassword');
  if (problems.length === 0) {
    const email = (await ctx.repos.users.findEmail(user.id)) ?? '';
    problems = await weakPasswordProblems(
      input.newPassword,
      [user.handle, user.display_name, email],
      'newPassword',
    );
  }
  if (problems.length > 0)
    throw new AppError('validation', 'Please correct the highlighted fields.', problems);
  await ctx.repos.users.updatePasswordHash(user.id, await hashPassword(input.newPassword));
  await ctx.repos.sessions.deleteAllForUser(user.id);
  return startSession(ctx, {
    userId: user.id,
    role: toRole(user.role),
    handle: user.handle,
    displayName: user.display_name,
  });
}

/** For the command line: an account with a password and a role, e.g. the first admin. */
export async function createUser(
  ctx: ServiceContext,
  input: SignUpInput & { role: Role },
): Promise<{ id: number; handle: string }> {
  const problems = await newAccountProblems(ctx, input);
  if (problems.length > 0) refuse(problems, 'The account is not valid.');
  const id = await insertAccount(ctx, input, input.role, await hashPassword(input.password));
  if (id === undefined) refuse([handleTaken], 'The account is not valid.');
  return { id, handle: normaliseHandle(input.handle) };
}

export async function setRole(ctx: ServiceContext, handle: string, role: Role): Promise<void> {
  const user = await ctx.repos.users.findByHandle(normaliseHandle(handle));
  if (user === undefined) throw notFound(`The user "${handle}"`);
  await ctx.repos.users.updateRole(user.id, role);
}
