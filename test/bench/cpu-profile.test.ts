import path from 'node:path';
import type { Profiler } from 'node:inspector';
import { moduleOf, profileWhile, summariseProfile } from '../../bench/cpu-profile';

const ROOT = path.resolve(__dirname, '..', '..');
const file = (relative: string) => `file://${path.join(ROOT, relative)}`;

/** A profile of four frames; the samples are [node id, microseconds since the previous sample]. */
function profileOf(samples: [number, number][], startTime = 1_000_000): Profiler.Profile {
  const frame = (id: number, functionName: string, url: string, lineNumber = 0) => ({
    id,
    callFrame: { functionName, url, lineNumber, columnNumber: 0, scriptId: String(id) },
  });
  return {
    nodes: [
      frame(1, '(root)', ''),
      frame(2, 'signer', file('node_modules/@aws-sdk/core/dist-cjs/index.js'), 272),
      frame(3, 'answer', file('functions/lex-code-hook/handler.ts'), 1),
      frame(4, '(idle)', ''),
      frame(5, '(garbage collector)', ''),
    ],
    startTime,
    endTime: startTime + samples.reduce((sum, [, delta]) => sum + delta, 0),
    samples: samples.map(([id]) => id),
    timeDeltas: samples.map(([, delta]) => delta),
  };
}

describe('summariseProfile', () => {
  it('adds self time by module and by function, busy time without idle, largest first', () => {
    const summary = summariseProfile(
      profileOf([
        [2, 1000],
        [3, 3000],
        [2, 1000],
        [4, 5000],
        [5, 1000],
      ]),
    );
    expect(summary.busyMs).toBe(6);
    expect(summary.idleMs).toBe(5);
    expect(summary.modules).toEqual([
      { name: 'functions/lex-code-hook/handler.ts', ms: 3, share: 50 },
      { name: '@aws-sdk/core', ms: 2, share: 33.3 },
      { name: '(garbage collector)', ms: 1, share: 16.7 },
    ]);
    expect(summary.functions[0]).toEqual({
      name: 'answer functions/lex-code-hook/handler.ts',
      ms: 3,
      share: 50,
    });
    expect(summary.functions[1]?.name).toBe('signer node_modules/@aws-sdk/core/dist-cjs/index.js:273');
  });

  it('keeps only samples inside `during` and outside `outside`, timed like performance.now()', () => {
    const offsetUs = Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000;
    const startTime = Math.round(offsetUs + 10_000 * 1000);
    // Samples at 10 001, 10 003, 10 005 and 10 007 ms on the performance.now() clock.
    const profile = profileOf(
      [
        [2, 1000],
        [3, 2000],
        [2, 2000],
        [3, 2000],
      ],
      startTime,
    );
    const summary = summariseProfile(profile, {
      during: [{ startMs: 10_002, endMs: 10_008 }],
      outside: [{ startMs: 10_004.5, endMs: 10_005.5 }],
    });
    expect(summary.modules.map((m) => [m.name, m.ms])).toEqual([['functions/lex-code-hook/handler.ts', 4]]);
  });

  it('reports the functions it is told to ignore apart, outside the shares', () => {
    const summary = summariseProfile(
      profileOf([
        [2, 1000],
        [3, 3000],
      ]),
      { ignoreFunctions: ['signer'] },
    );
    expect(summary).toMatchObject({ busyMs: 3, ignoredMs: 1 });
    expect(summary.modules).toEqual([{ name: 'functions/lex-code-hook/handler.ts', ms: 3, share: 100 }]);
  });

  it('returns the top entries only', () => {
    expect(
      summariseProfile(
        profileOf([
          [2, 1],
          [3, 2],
        ]),
        { top: 1 },
      ).functions,
    ).toHaveLength(1);
  });
});

describe('moduleOf', () => {
  it('names packages, scoped and nested, our files, node internals and pseudo-frames', () => {
    expect(moduleOf('f', file('node_modules/zod/v4/core/schemas.cjs'))).toBe('zod');
    expect(moduleOf('f', file('node_modules/a/node_modules/@smithy/core/dist-cjs/index.js'))).toBe(
      '@smithy/core',
    );
    expect(moduleOf('f', file('local/lex/nlu/text.ts'))).toBe('local/lex/nlu/text.ts');
    expect(moduleOf('emit', 'node:events')).toBe('node:internals');
    expect(moduleOf('cpuUsage', '')).toBe('(native)');
    expect(moduleOf('(garbage collector)', '')).toBe('(garbage collector)');
  });
});

describe('profileWhile', () => {
  it('returns the work result with a profile of this process, and passes a failure on', async () => {
    const { result, profile } = await profileWhile(async () => 42);
    expect(result).toBe(42);
    expect(profile.nodes.length).toBeGreaterThan(0);
    await expect(
      profileWhile(async () => {
        throw new Error('broken');
      }),
    ).rejects.toThrow('broken');
  });
});
