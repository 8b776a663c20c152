import fc from 'fast-check';
import { coveredMs, overlapGroups, percentile, stats } from '../../bench/latency-stats';

describe('percentile', () => {
  it('is the nearest rank: an observed value, the 495th of 500 for p99', () => {
    const values = Array.from({ length: 500 }, (_, index) => 500 - index);
    expect(percentile(values, 0.99)).toBe(495);
    expect(percentile(values, 0.5)).toBe(250);
    expect(percentile(values, 1)).toBe(500);
    expect(percentile([7], 0.01)).toBe(7);
  });

  it('is 0 for no values and refuses a quantile outside (0, 1]', () => {
    expect(percentile([], 0.5)).toBe(0);
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });

  it('has at least q of the values at or below it, and fewer than q strictly below', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (values, q) => {
          const p = percentile(values, q);
          expect(values).toContain(p);
          expect(values.filter((v) => v <= p).length).toBeGreaterThanOrEqual(Math.ceil(q * values.length));
          expect(values.filter((v) => v < p).length).toBeLessThan(Math.ceil(q * values.length));
        },
      ),
    );
  });

  it('gives stats in order p50 <= p95 <= p99 <= max', () => {
    const summary = stats([5, 1, 3, 9, 2, 8]);
    expect(summary).toEqual({ turns: 6, p50: 3, p95: 9, p99: 9, max: 9 });
  });
});

describe('coveredMs', () => {
  it('counts overlapping intervals once and clips them to the window', () => {
    const intervals = [
      { startMs: 0, endMs: 4 },
      { startMs: 2, endMs: 6 },
      { startMs: 8, endMs: 20 },
    ];
    expect(coveredMs(intervals, { startMs: 1, endMs: 10 })).toBe(7);
    expect(coveredMs(intervals, { startMs: 30, endMs: 40 })).toBe(0);
  });

  it('matches a count of covered unit cells', () => {
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 10 }))
      .map(([startMs, length]) => ({ startMs, endMs: startMs + length }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 20 }), interval, (intervals, window) => {
        let cells = 0;
        for (let t = window.startMs; t < window.endMs; t += 1) {
          if (intervals.some((i) => i.startMs <= t && t + 1 <= i.endMs)) cells += 1;
        }
        expect(coveredMs(intervals, window)).toBe(cells);
      }),
    );
  });
});

describe('overlapGroups', () => {
  it('merges touching and overlapping intervals, keeps their members, drops empty ones', () => {
    const a = { startMs: 5, endMs: 7 };
    const b = { startMs: 0, endMs: 2 };
    const c = { startMs: 2, endMs: 3 };
    const empty = { startMs: 4, endMs: 4 };
    expect(overlapGroups([a, b, c, empty])).toEqual([
      { startMs: 0, endMs: 3, members: [b, c] },
      { startMs: 5, endMs: 7, members: [a] },
    ]);
  });
});
