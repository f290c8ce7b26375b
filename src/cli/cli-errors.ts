/** A command used wrongly in a way commander cannot see (exit code 2, like its own usage errors). */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}
