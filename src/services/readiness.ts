import type { ServiceContext } from './context.js';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  migrations: 'current' | 'pending' | 'unknown';
  pending: string[];
}

/** Can this server do its job: is the database reachable, and is its schema the one this code expects? */
export async function checkReadiness(ctx: ServiceContext): Promise<Readiness> {
  try {
    await ctx.repos.health.ping();
  } catch {
    return { ready: false, database: 'unreachable', migrations: 'unknown', pending: [] };
  }
  const pending = await ctx.repos.health.pendingMigrations();
  return {
    ready: pending.length === 0,
    database: 'ok',
    migrations: pending.length === 0 ? 'current' : 'pending',
    pending,
  };
}
