import type { Repositories } from '../db/repositories/index.js';

/** An author without a login: the demo team, or whoever imports from the command line. */
export interface SystemUser {
  handle: string;
  displayName: string;
}

export const CLI_IMPORT_AUTHOR: SystemUser = { handle: 'imported', displayName: 'Imported' };

export async function ensureSystemUser(repos: Repositories, user: SystemUser, now: number): Promise<number> {
  const row = await repos.users.findOrInsert({
    handle: user.handle,
    display_name: user.displayName,
    email: null,
    password_hash: null,
    role: 'member',
    created_at: now,
  });
  return row.id;
}
