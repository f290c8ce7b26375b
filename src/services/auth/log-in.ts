/**
 * Log-in by handle or email, throttled (login-throttle.ts) and with the same answer, taking the same
 * time, whether the account exists or not.
 *
 * An email may belong to several accounts (sign-up does not refuse one in use, so as not to tell a
 * stranger that it is registered). Log-in by email checks the password against the newest
 * EMAIL_CANDIDATES accounts with that address, and a wrong password always costs that many checks, so
 * that neither the answer nor its time says how many accounts share the address.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ACCOUNT_LIMITS } from '../../domain/account.js';
import { AppError } from '../../domain/errors.js';
import type { UserRow } from '../../db/tables.js';
import type { ServiceContext } from '../context.js';
import { startSession, toRole, type NewSession } from './accounts.js';
import { reserveLoginAttempt, settleLogin, type LoginKey } from './login-throttle.js';
import { dummyHash, verifyPassword } from './password-hash.js';

export const EMAIL_CANDIDATES = 3;
/** Longer than any password sign-up accepts: cannot match, not worth hashing. */
const LONGEST_PASSWORD_CHECKED = ACCOUNT_LIMITS.passwordMax;

/** A device that has logged in to an account before, as its signed device cookie says. */
export interface TrustedDevice {
  userId: number;
  nonce: string;
}

export interface LoginClient {
  /** The address limits count per (see http/client-address.ts). */
  address: string;
  device: TrustedDevice | null;
}

export interface LoggedIn extends NewSession {
  /** A new device cookie for this browser: it has now logged in to this account. */
  device: TrustedDevice;
}

/** A new device cookie's content for a browser that has just logged in (or signed up) as `userId`. */
export const newDevice = (userId: number): TrustedDevice => ({
  userId,
  nonce: randomBytes(16).toString('base64url'),
});

const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 24);

function loginKeys(login: string, candidates: readonly UserRow[], client: LoginClient): LoginKey[] {
  const device = client.device;
  if (device !== null && candidates.some((user) => user.id === device.userId)) {
    return [{ key: `device:${device.nonce}`, kind: 'device' }];
  }
  // An account that does not exist is throttled all the same (by a digest of what was typed).
  const accounts = candidates.length > 0 ? candidates.map((user) => `u${user.id}`) : [`l${digest(login)}`];
  return [
    ...accounts.flatMap((account): LoginKey[] => [
      { key: `account-client:${account}:${client.address}`, kind: 'accountClient' },
      { key: `account:${account}`, kind: 'account' },
    ]),
    { key: `client:${client.address}`, kind: 'client' },
  ];
}

/** The first candidate whose password this is, after exactly `checks` checks when none is. */
async function matchingAccount(
  candidates: readonly UserRow[],
  password: string,
  checks: number,
): Promise<UserRow | undefined> {
  for (let i = 0; i < checks; i++) {
    const candidate = candidates[i];
    const hash = candidate?.password_hash ?? (await dummyHash());
    const ok = await verifyPassword(password.slice(0, LONGEST_PASSWORD_CHECKED + 1), hash);
    if (ok && candidate !== undefined && candidate.password_hash !== null) {
      return password.length <= LONGEST_PASSWORD_CHECKED ? candidate : undefined;
    }
  }
  return undefined;
}

export async function logIn(
  ctx: ServiceContext,
  input: { login: string; password: string },
  client: LoginClient,
): Promise<LoggedIn> {
  const login = input.login
    .trim()
    .toLowerCase()
    .slice(0, ACCOUNT_LIMITS.emailMax + 1);
  const byEmail = login.includes('@');
  const candidates = byEmail
    ? await ctx.repos.users.findByEmail(login, EMAIL_CANDIDATES)
    : [await ctx.repos.users.findByHandle(login)].filter((user) => user !== undefined);
  const reservation = await reserveLoginAttempt(ctx, loginKeys(login, candidates, client));
  const user = await matchingAccount(candidates, input.password, byEmail ? EMAIL_CANDIDATES : 1);
  await settleLogin(ctx, reservation, user !== undefined);
  if (user === undefined) {
    throw new AppError('unauthorized', 'That handle or email and password do not match an account.', [
      { field: 'password', message: 'Check your handle or email and password.' },
    ]);
  }
  const session = await startSession(ctx, {
    userId: user.id,
    role: toRole(user.role),
    handle: user.handle,
    displayName: user.display_name,
  });
  return { ...session, device: newDevice(user.id) };
}
