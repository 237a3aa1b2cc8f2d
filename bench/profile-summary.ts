import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: an npm package, Node itself, one of our folders, or V8's own work. */
function owner(url: string, fn: string): string {
  if (!url) return fn || '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('node:')) return 'node';
  const ours = /\/src\/(.+)\/[^/]+$/.exec(url);
  return ours ? `src/${ours[1]}` : url;
}

/**
 * Summarizes the newest CPU profile in `dir` (written by `node --cpu-prof`): self time by owner,
 * the top ones as one line for the table, and the hottest functions on stderr. The file itself
 * opens in Chrome DevTools' Performance panel.
 */
export function summarizeProfile(dir: string): { totalMs: number; top: string } {
  // One file per thread of the newest run (name: CPU.<date>.<time>.<pid>.<thread>.<n>); the main
  // thread is 0, the others are loader threads.
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const pid = files[0]?.split('.').at(-4);
  const newest = files.find((f) => f.split('.').at(-4) === pid && f.split('.').at(-3) === '0');
  if (!newest) return { totalMs: 0, top: `no profile written to ${dir}` };
  const profile = JSON.parse(readFileSync(newest, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    total += us;
    const who = owner(frame.url, frame.functionName);
    byOwner.set(who, (byOwner.get(who) ?? 0) + us);
    const fn = `${frame.functionName || '(anonymous)'} ${who}:${frame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  });
  const pct = (us: number) => `${((100 * us) / total).toFixed(1)}%`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  process.stderr.write(`\nserver CPU profile: ${newest}\nself time by owner:\n`);
  for (const [who, us] of sorted(byOwner).slice(0, 20)) process.stderr.write(`  ${pct(us).padStart(6)}  ${who}\n`);
  process.stderr.write('hottest functions (self time):\n');
  for (const [fn, us] of sorted(byFunction).slice(0, 25)) process.stderr.write(`  ${pct(us).padStart(6)}  ${fn.slice(0, 120)}\n`);
  const top = sorted(byOwner)
    .slice(0, 8)
    .map(([who, us]) => `${who} ${pct(us)}`)
    .join(', ');
  return { totalMs: total / 1000, top: `${top} (full list on stderr; ${newest})` };
}
