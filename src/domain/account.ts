/** Rules for accounts: handles, names, emails, passwords, roles. */
import { nulProblem, type FieldProblem } from './errors.js';
import type { Role } from './viewer.js';

export const ROLES: readonly Role[] = ['member', 'moderator', 'admin'];
export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export const ACCOUNT_LIMITS = {
  handleMin: 3,
  handleMax: 30,
  displayNameMax: 100,
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 200,
} as const;

const HANDLE = /^[a-z0-9][a-z0-9_-]*$/;
// Deliberately loose: one @, something on each side, a dot in the domain. The real check is a mail arriving.
const EMAIL = /^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]+$/;
const RESERVED_HANDLES = new Set([
  'admin',
  'administrator',
  'moderator',
  'recall',
  'me',
  'new',
  'api',
  'imported',
]);
const COMMON_PASSWORDS = new Set([
  'password123',
  'password1234',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'iloveyou123',
  'letmein1234',
  'passw0rd123',
  'abcdefghij',
  '0987654321',
]);

export interface SignUpInput {
  displayName: string;
  handle: string;
  email: string;
  password: string;
}

export const normaliseHandle = (handle: string): string => handle.trim().toLowerCase();
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export function passwordProblems(password: string, field = 'password'): FieldProblem[] {
  if (password.length < ACCOUNT_LIMITS.passwordMin) {
    return [{ field, message: `Use at least ${ACCOUNT_LIMITS.passwordMin} characters.` }];
  }
  if (password.length > ACCOUNT_LIMITS.passwordMax) {
    return [{ field, message: `Use at most ${ACCOUNT_LIMITS.passwordMax} characters.` }];
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) {
    return [{ field, message: 'This password is too easy to guess; choose another.' }];
  }
  return [];
}

export function signUpProblems(input: SignUpInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const name = input.displayName.trim();
  const nul = nulProblem('displayName', name);
  if (nul !== undefined) problems.push(nul);
  else if (name === '') problems.push({ field: 'displayName', message: 'Enter the name others will see.' });
  else if (name.length > ACCOUNT_LIMITS.displayNameMax) {
    problems.push({ field: 'displayName', message: `At most ${ACCOUNT_LIMITS.displayNameMax} characters.` });
  }
  const handle = normaliseHandle(input.handle);
  if (handle.length < ACCOUNT_LIMITS.handleMin || handle.length > ACCOUNT_LIMITS.handleMax) {
    problems.push({
      field: 'handle',
      message: `Use ${ACCOUNT_LIMITS.handleMin} to ${ACCOUNT_LIMITS.handleMax} characters.`,
    });
  } else if (!HANDLE.test(handle)) {
    problems.push({
      field: 'handle',
      message: 'Use lower-case letters, digits, hyphens and underscores, starting with a letter or digit.',
    });
  } else if (RESERVED_HANDLES.has(handle)) {
    problems.push({ field: 'handle', message: 'This handle is reserved; choose another.' });
  }
  const email = normaliseEmail(input.email);
  const nulInEmail = nulProblem('email', email);
  if (nulInEmail !== undefined) problems.push(nulInEmail);
  else if (email.length > ACCOUNT_LIMITS.emailMax || !EMAIL.test(email)) {
    problems.push({ field: 'email', message: 'Enter an email address like name@example.org.' });
  }
  problems.push(...passwordProblems(input.password));
  return problems;
}
