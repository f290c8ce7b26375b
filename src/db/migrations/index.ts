/** Every migration, in order. Listed statically so that the bundled server carries them. */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './20261127T0000-initial.js';
import * as accountsAndCommunity from './20261127T0100-accounts-and-community.js';
import * as community from './20261127T0200-community.js';
import * as search from './20261127T0300-search.js';
import * as study from './20261127T0400-study.js';
import * as listingOrder from './20261127T0500-listing-order.js';
import * as searchWriteBuffer from './20261127T0600-search-write-buffer.js';
import * as cardSetLanguage from './20261203T0100-card-set-language.js';

const migrations: Record<string, Migration> = {
  '20261127T0000-initial': initial,
  '20261127T0100-accounts-and-community': accountsAndCommunity,
  '20261127T0200-community': community,
  '20261127T0300-search': search,
  '20261127T0400-study': study,
  '20261127T0500-listing-order': listingOrder,
  '20261127T0600-search-write-buffer': searchWriteBuffer,
  '20261203T0100-card-set-language': cardSetLanguage,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

export const latestMigration = Object.keys(migrations).sort().at(-1)!;
