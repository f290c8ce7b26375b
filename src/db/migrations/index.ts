/** Every migration, in order. Listed statically so that the bundled server carries them. */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './20261127T0000-initial.js';
import * as accountsAndCommunity from './20261127T0100-accounts-and-community.js';
import * as community from './20261127T0200-community.js';
import * as search from './20261127T0300-search.js';
import * as study from './20261127T0400-study.js';
import * as listingOrder from './20261127T0500-listing-order.js';
import * as searchWriteBuffer from './20261127T0600-search-write-buffer.js';
import * as studyItems from './20261203T0000-study-items.js';
import * as cardSetLanguage from './20261203T0100-card-set-language.js';
import * as abuseLimits from './20261203T0200-abuse-limits.js';
import * as reviewPractice from './20261203T0600-review-practice.js';
import * as examFocus from './20261203T0610-exam-focus.js';
import * as tags from './20261203T0800-tags.js';
import * as reviewUndo from './20261207T1000-review-undo.js';

const migrations: Record<string, Migration> = {
  '20261127T0000-initial': initial,
  '20261127T0100-accounts-and-community': accountsAndCommunity,
  '20261127T0200-community': community,
  '20261127T0300-search': search,
  '20261127T0400-study': study,
  '20261127T0500-listing-order': listingOrder,
  '20261127T0600-search-write-buffer': searchWriteBuffer,
  '20261203T0000-study-items': studyItems,
  '20261203T0100-card-set-language': cardSetLanguage,
  '20261203T0200-abuse-limits': abuseLimits,
  '20261203T0600-review-practice': reviewPractice,
  '20261203T0610-exam-focus': examFocus,
  '20261203T0800-tags': tags,
  '20261207T1000-review-undo': reviewUndo,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

export const latestMigration = Object.keys(migrations).sort().at(-1)!;
