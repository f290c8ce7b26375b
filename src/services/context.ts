import type { Repositories, Transact } from '../db/repositories/index.js';
import type { Clock } from '../domain/clock.js';
import type { DerivedWork } from './derived-work.js';

/** What every use case gets: repositories outside a transaction, a way to open one, the time, and kept derived work. */
export interface ServiceContext {
  repos: Repositories;
  transact: Transact;
  clock: Clock;
  /** Work derived from sets' content, kept per revision. */
  derived: DerivedWork;
}
