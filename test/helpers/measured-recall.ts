/** `recall ARGS` in a child process, with how long it took and its peak resident memory (VmHWM). */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../../src/app/paths.js';

export interface MeasuredRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  seconds: number;
  /** NaN when the process was killed before it could say. */
  peakRssMb: number;
}

export function measuredRecall(
  args: string[],
  options: { env: Record<string, string>; work: string; nodeArgs?: string[]; timeoutMs?: number },
): MeasuredRun {
  const rssFile = join(options.work, `rss-${process.hrtime.bigint()}`);
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', './test/helpers/report-peak-rss.mjs', 'bin/recall.js', ...args],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      ...(options.timeoutMs === undefined
        ? {}
        : { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const }),
      env: { ...process.env, LOG_LEVEL: 'silent', ...options.env, RECALL_PEAK_RSS_FILE: rssFile },
    },
  );
  let peakRssMb = Number.NaN;
  try {
    peakRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  } catch {
    // killed before it could say
  }
  return {
    status: result.status,
    signal: result.signal,
    timedOut: result.error !== undefined && 'code' in result.error && result.error.code === 'ETIMEDOUT',
    stdout: result.stdout,
    stderr: result.stderr,
    seconds: (performance.now() - started) / 1000,
    peakRssMb,
  };
}
