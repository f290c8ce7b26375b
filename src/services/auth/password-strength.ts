/**
 * Refusing common and breached passwords (NIST SP 800-63B §5.1.1.2) with zxcvbn-ts: its lists of
 * leaked passwords (language-common) and English words and names (language-en), plus keyboard
 * patterns, sequences, repeats, dates and l33t spellings. The dictionaries (about 70 MB in memory)
 * are loaded on the first password check — sign-up, a password change, `recall user create` — never
 * on a page request, and let go after ten idle minutes.
 *
 * zxcvbn's work grows faster than the length of its input, so only the first SCORED_LENGTH characters
 * are scored (a password whose first 64 characters are hard to guess is hard to guess), and l33t
 * substitutions are capped.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { FieldProblem } from '../../domain/errors.js';

export const SCORED_LENGTH = 64;
/** zxcvbn's scale: 3 is "safely unguessable: moderate protection from an offline slow-hash attack". */
export const MIN_SCORE = 3;
const IDLE_MS = 10 * 60 * 1000;

let checker: Promise<ZxcvbnFactory> | undefined;
let idleTimer: NodeJS.Timeout | undefined;

async function loadChecker(): Promise<ZxcvbnFactory> {
  const [core, common, english] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new core.ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    l33tMaxSubstitutions: 3,
    maxLength: SCORED_LENGTH,
  });
}

function useChecker(): Promise<ZxcvbnFactory> {
  checker ??= loadChecker().catch((error: unknown) => {
    checker = undefined;
    throw error;
  });
  if (idleTimer !== undefined) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    checker = undefined;
  }, IDLE_MS);
  idleTimer.unref();
  return checker;
}

/**
 * Problems with a password that is easy to guess, for the form field `field`. `related` are the
 * person's other inputs (handle, name, email), which a password should not be built from.
 */
export async function weakPasswordProblems(
  password: string,
  related: readonly string[],
  field = 'password',
): Promise<FieldProblem[]> {
  const zxcvbn = await useChecker();
  const inputs = related
    .flatMap((value) => [value.toLowerCase(), ...value.toLowerCase().split(/[\s@._-]+/)])
    .filter((word) => word.length >= 3)
    .map((word) => word.slice(0, SCORED_LENGTH));
  const result = zxcvbn.check(password.slice(0, SCORED_LENGTH), inputs);
  if (result.score >= MIN_SCORE) return [];
  const warning = result.feedback.warning;
  const sentences = [
    warning !== null && warning !== '' ? warning : 'This password would be easy to guess.',
    ...result.feedback.suggestions,
    'A few unrelated words make a strong password that is easy to remember.',
  ];
  return [{ field, message: sentences.join(' ') }];
}
