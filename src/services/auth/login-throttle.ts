/**
 * Throttling log-ins without letting strangers lock anyone out (OWASP's "device cookies" and NIST
 * SP 800-63B §5.2.2). Every attempt is counted, before the password is checked, against several keys:
 *
 * - from a device that has logged in to this account before (a signed device cookie): that device's own
 *   counter only, so the owner gets in however many failures strangers have caused;
 * - otherwise the account from this client (address), the account from everywhere, and the client
 *   across all accounts (password spraying).
 *
 * A key allows `free` failures; each one after that makes the key wait twice as long as the last
 * (1 s, 2 s, 4 s … up to `maxDelayMs`) before the next attempt is even checked. Failures leak away one
 * per `leakMs`. An attempt that turns out right is taken back, and resets the device's and the
 * account-from-this-client counters, so correct log-ins never count. Counting first and taking back
 * afterwards (in a transaction that locks the rows) means that parallel guesses are counted too.
 */
import type { LoginFailureRow } from '../../db/repositories/login-failure.repository.js';
import type { ServiceContext } from '../context.js';
import { RateLimitedError } from '../rate-limits.js';

export interface FailurePolicy {
  free: number;
  leakMs: number;
  maxDelayMs: number;
}

const MINUTE = 60 * 1000;

export const LOGIN_POLICIES = {
  /** A device this account has logged in from: the owner mistyping. */
  device: { free: 10, leakMs: 15 * MINUTE, maxDelayMs: 15 * MINUTE },
  /** This account from this address, without a device cookie. */
  accountClient: { free: 5, leakMs: 15 * MINUTE, maxDelayMs: 15 * MINUTE },
  /** This account from anywhere without a device cookie (guesses spread over many addresses). */
  account: { free: 100, leakMs: 10 * MINUTE, maxDelayMs: 15 * MINUTE },
  /** Every account from this address (a school shares one; spraying one password over many accounts). */
  client: { free: 50, leakMs: MINUTE, maxDelayMs: 15 * MINUTE },
} as const satisfies Record<string, FailurePolicy>;

export type LoginKeyKind = keyof typeof LOGIN_POLICIES;

export interface LoginKey {
  key: string;
  kind: LoginKeyKind;
}

/** How long a key waits after its `failures`-th failure. */
export function delayAfter(failures: number, policy: FailurePolicy): number {
  const over = failures - policy.free;
  if (over <= 0) return 0;
  return Math.min(policy.maxDelayMs, 1000 * 2 ** Math.min(over - 1, 30));
}

/** Failures left after leaking one per leakMs since the last. */
const leaked = (row: LoginFailureRow, policy: FailurePolicy, now: number): number =>
  Math.max(0, row.failures - Math.floor(Math.max(0, now - row.lastFailedAt) / policy.leakMs));

export interface Reservation {
  keys: readonly LoginKey[];
  /** Each key's blocked_until before this attempt, to put back if the attempt is right. */
  before: ReadonlyMap<string, number>;
}

/**
 * Counts an attempt against every key, or throws RateLimitedError (counting nothing) while any key
 * waits. Call `settleLogin` once the password has been checked.
 */
export async function reserveLoginAttempt(
  ctx: ServiceContext,
  keys: readonly LoginKey[],
): Promise<Reservation> {
  const now = ctx.clock.now().getTime();
  const kindOf = new Map(keys.map((key) => [key.key, key.kind]));
  return ctx.transact(async (repos) => {
    const rows = await repos.loginFailures.lock([...kindOf.keys()], now);
    const waitUntil = Math.max(0, ...rows.map((row) => row.blockedUntil));
    if (waitUntil > now) {
      throw new RateLimitedError(
        Math.ceil((waitUntil - now) / 1000),
        'Too many failed log-ins for this account from here.',
      );
    }
    const before = new Map<string, number>(rows.map((row) => [row.key, row.blockedUntil]));
    await repos.loginFailures.save(
      rows.map((row) => {
        const policy = LOGIN_POLICIES[kindOf.get(row.key)!];
        const failures = leaked(row, policy, now) + 1;
        return {
          key: row.key,
          failures,
          lastFailedAt: now,
          blockedUntil: now + delayAfter(failures, policy),
        };
      }),
    );
    return { keys, before };
  });
}

/** After the password check: a right one is taken back (and resets the per-device and per-client keys). */
export async function settleLogin(
  ctx: ServiceContext,
  reservation: Reservation,
  succeeded: boolean,
): Promise<void> {
  if (!succeeded) return;
  const reset = reservation.keys.filter((key) => key.kind === 'device' || key.kind === 'accountClient');
  await ctx.repos.loginFailures.delete(reset.map((key) => key.key));
  for (const key of reservation.keys) {
    if (key.kind === 'account' || key.kind === 'client') {
      await ctx.repos.loginFailures.forgiveOne(key.key, reservation.before.get(key.key) ?? 0);
    }
  }
}
