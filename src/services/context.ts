import type { Repositories, Transact } from '../db/repositories/index.js';
import type { Clock } from '../domain/clock.js';

/** What every use case gets: repositories outside a transaction, a way to open one, and the time. */
export interface ServiceContext {
  repos: Repositories;
  transact: Transact;
  clock: Clock;
}
