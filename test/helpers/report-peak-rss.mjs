// Loaded with `node --import` into a child process: on exit, writes the process's peak resident memory
// (kilobytes) to the file named by RECALL_PEAK_RSS_FILE, so a test can bound it. On Linux this is VmHWM
// from /proc/self/status, the high-water mark of this program's own memory: getrusage's maxRSS survives
// exec, so a child started by a large parent would report the parent's size.
import { readFileSync, writeFileSync } from 'node:fs';

function peakKilobytes() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match !== null) return Number(match[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

const target = process.env.RECALL_PEAK_RSS_FILE;
if (target !== undefined && target !== '') {
  process.on('exit', () => writeFileSync(target, String(peakKilobytes())));
}
