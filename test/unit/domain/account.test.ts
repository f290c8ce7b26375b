import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signUpProblems } from '../../../src/domain/account.js';

const valid = { displayName: 'Ada', handle: 'ada', email: 'ada@example.org', password: 'a long passphrase' };
const fields = (input: typeof valid) => signUpProblems(input).map((problem) => problem.field);

describe('signUpProblems', () => {
  it('accepts a complete sign-up', () => {
    assert.deepEqual(signUpProblems(valid), []);
  });

  it('refuses a NUL character in the display name or the email, naming the field', () => {
    assert.deepEqual(fields({ ...valid, displayName: 'A\u0000da' }), ['displayName']);
    assert.match(signUpProblems({ ...valid, displayName: 'A\u0000da' })[0]!.message, /NUL/);
    assert.deepEqual(fields({ ...valid, email: 'ada\u0000@example.org' }), ['email']);
  });

  it('names every field at fault at once', () => {
    assert.deepEqual(fields({ displayName: ' ', handle: '-', email: 'nope', password: 'short' }), [
      'displayName',
      'handle',
      'email',
      'password',
    ]);
  });
});
