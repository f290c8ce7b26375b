// Loaded with `node --import` into a child process: on exit, writes the process's peak resident memory
// (kilobytes, from getrusage) to the file named by RECALL_PEAK_RSS_FILE, so a test can bound it.
import { writeFileSync } from 'node:fs';

const target = process.env.RECALL_PEAK_RSS_FILE;
if (target !== undefined && target !== '') {
  process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
}
