import { Session } from 'node:inspector/promises';
import path from 'node:path';
import type { Profiler } from 'node:inspector';
import { overlapGroups, type Interval } from './latency-stats';

const REPOSITORY_ROOT = path.resolve(__dirname, '..');
/** V8's own pseudo-frames: they are not code anyone can change, so they are named for what they are. */
const PSEUDO_FRAMES = new Set(['(garbage collector)', '(idle)', '(program)', '(root)']);

export interface SelfTime {
  name: string;
  ms: number;
  /** Share of the profile's busy time (idle left out), in percent. */
  share: number;
}

export interface ProfileSummary {
  /** Sampled time with the event loop doing something, in milliseconds. */
  busyMs: number;
  idleMs: number;
  /** Sampled time in the functions the summary was told to ignore. */
  ignoredMs: number;
  /** Where the busy time went by module: an npm package, a file of this repository, node's internals, GC. */
  modules: SelfTime[];
  /** The functions with the most self time, named with their file and line. */
  functions: SelfTime[];
}

/**
 * Runs `work` with V8's sampling profiler on, in this process (node:inspector), and returns the profile too:
 * enough to see where a benchmark's time goes without restarting it under --cpu-prof.
 */
export async function profileWhile<T>(
  work: () => Promise<T>,
  samplingIntervalUs = 1000,
): Promise<{ result: T; profile: Profiler.Profile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
    await session.post('Profiler.start');
    const outcome = await work().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const { profile } = await session.post('Profiler.stop');
    if (!outcome.ok) throw outcome.error;
    return { result: outcome.value, profile };
  } finally {
    session.disconnect();
  }
}

/**
 * The profile's clock (V8's monotonic microseconds, the clock of process.hrtime) against performance.now():
 * windows timed with performance.now() select samples.
 */
const PROFILE_CLOCK_OFFSET_US = Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000;

export interface SummaryOptions {
  top?: number;
  /** Count only samples inside these windows (performance.now() milliseconds): one part of a run. */
  during?: readonly Interval[];
  /** ...and outside these: a handler's waits, say, in which the process ran other code. */
  outside?: readonly Interval[];
  /**
   * Functions left out of the figures, their time reported apart: a benchmark's own probes, which run inside
   * what it measures (and where a busy machine's kernel often switches away, so they collect waiting time).
   */
  ignoreFunctions?: readonly string[];
}

/** Self time by module and by function, the top `top` of each, from a V8 CPU profile. */
export function summariseProfile(profile: Profiler.Profile, options: SummaryOptions = {}): ProfileSummary {
  const top = options.top ?? 10;
  const during = options.during ? sortedUnion(options.during) : undefined;
  const outside = sortedUnion(options.outside ?? []);
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let timeUs = profile.startTime;
  for (const [index, nodeId] of samples.entries()) {
    const delta = Math.max(0, deltas[index] ?? 0);
    timeUs += delta;
    const atMs = (timeUs - PROFILE_CLOCK_OFFSET_US) / 1000;
    if (during && !covers(during, atMs)) continue;
    if (covers(outside, atMs)) continue;
    selfUs.set(nodeId, (selfUs.get(nodeId) ?? 0) + delta);
  }
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let idleUs = 0;
  let ignoredUs = 0;
  const ignored = new Set(options.ignoreFunctions ?? []);
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    if (ignored.has(functionName)) {
      ignoredUs += us;
      continue;
    }
    const module = moduleOf(functionName, url);
    byModule.set(module, (byModule.get(module) ?? 0) + us);
    // Our TypeScript runs transpiled without source maps in the profile, so its line numbers mean nothing.
    const where = /\.[cm]?js$/.test(url) ? `${fileOf(url)}:${lineNumber + 1}` : url ? fileOf(url) : module;
    const name = `${functionName || '(anonymous)'} ${where}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  const busyUs = [...byModule.values()].reduce((sum, us) => sum + us, 0);
  const ranked = (totals: Map<string, number>): SelfTime[] =>
    [...totals.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({
        name,
        ms: Math.round(us / 100) / 10,
        share: busyUs === 0 ? 0 : Math.round((us / busyUs) * 1000) / 10,
      }));
  return {
    busyMs: Math.round(busyUs / 100) / 10,
    idleMs: Math.round(idleUs / 100) / 10,
    ignoredMs: Math.round(ignoredUs / 100) / 10,
    modules: ranked(byModule),
    functions: ranked(byFunction),
  };
}

/**
 * What a frame belongs to: `pkg` or `@scope/pkg` for node_modules (the innermost, for nested installs), the
 * repository-relative file for our code, `node:internals` for node's own JavaScript, `(native)` for builtins
 * without a script, and V8's pseudo-frames by their names.
 */
export function moduleOf(functionName: string, url: string): string {
  if (PSEUDO_FRAMES.has(functionName)) return functionName;
  if (!url) return '(native)';
  if (url.startsWith('node:')) return 'node:internals';
  const file = fileOf(url);
  const parts = file.split('/');
  const last = parts.lastIndexOf('node_modules');
  if (last >= 0) {
    const name = parts[last + 1] ?? '';
    return name.startsWith('@') ? `${name}/${parts[last + 2] ?? ''}` : name;
  }
  return file;
}

function fileOf(url: string): string {
  const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  return path.isAbsolute(file) ? path.relative(REPOSITORY_ROOT, file) : file;
}

function sortedUnion(intervals: readonly Interval[]): Interval[] {
  return overlapGroups(intervals).map(({ startMs, endMs }) => ({ startMs, endMs }));
}

/** Whether a time falls in one of the disjoint, sorted intervals (binary search). */
function covers(intervals: readonly Interval[], atMs: number): boolean {
  let low = 0;
  let high = intervals.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const interval = intervals[middle];
    if (!interval) return false;
    if (atMs < interval.startMs) high = middle - 1;
    else if (atMs > interval.endMs) low = middle + 1;
    else return true;
  }
  return false;
}
