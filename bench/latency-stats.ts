export interface LatencyStats {
  turns: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * The nearest-rank percentile (the smallest value with at least q of the values at or below it), so a p99
 * of 500 samples is the 495th: an observed value, never an interpolation between two.
 */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  if (!(q > 0 && q <= 1)) throw new RangeError(`percentile wants 0 < q <= 1, got ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(q * sorted.length) - 1] ?? 0;
}

export function stats(values: readonly number[]): LatencyStats {
  return {
    turns: values.length,
    p50: round(percentile(values, 0.5)),
    p95: round(percentile(values, 0.95)),
    p99: round(percentile(values, 0.99)),
    max: round(values.length === 0 ? 0 : Math.max(...values)),
  };
}

export interface Interval {
  startMs: number;
  endMs: number;
}

/**
 * How much of [window.startMs, window.endMs] the intervals cover, overlaps counted once: two requests awaited
 * together cost the handler their union, not their sum.
 */
export function coveredMs(intervals: readonly Interval[], window: Interval): number {
  const clipped = intervals.map((interval) => ({
    startMs: Math.max(interval.startMs, window.startMs),
    endMs: Math.min(interval.endMs, window.endMs),
  }));
  return overlapGroups(clipped).reduce((sum, group) => sum + group.endMs - group.startMs, 0);
}

/** The union of the intervals as disjoint groups, each with the members that make it up, earliest first. */
export function overlapGroups<T extends Interval>(intervals: readonly T[]): (Interval & { members: T[] })[] {
  const sorted = intervals.filter((interval) => interval.endMs > interval.startMs);
  sorted.sort((a, b) => a.startMs - b.startMs);
  const groups: (Interval & { members: T[] })[] = [];
  for (const interval of sorted) {
    const last = groups.at(-1);
    if (last && interval.startMs <= last.endMs) {
      last.endMs = Math.max(last.endMs, interval.endMs);
      last.members.push(interval);
    } else groups.push({ startMs: interval.startMs, endMs: interval.endMs, members: [interval] });
  }
  return groups;
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
