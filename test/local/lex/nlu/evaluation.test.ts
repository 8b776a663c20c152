import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { measureAccuracy } from '../../../../local/lex/nlu/evaluation/accuracy';
import {
  heldOutFile,
  readHeldOutSet,
  type HeldOutItem,
} from '../../../../local/lex/nlu/evaluation/heldout-set';
import { formatAccuracyTable } from '../../../../local/lex/nlu/evaluation/report';
import { BENCH_RESULTS_DIRECTORY, DEFAULT_RESULTS_FILE } from '../../../../local/lex/nlu/evaluate';
import type { IntentCandidate, IntentClassifier } from '../../../../local/lex/nlu/types';

/** A classifier that answers from a table, so the arithmetic can be checked by hand. */
function tableClassifier(answers: Record<string, IntentCandidate[]>): IntentClassifier {
  return {
    classify: (utterance) => answers[utterance] ?? [],
    fillSlot: () => undefined,
    contentWordCount: (text) => text.split(/\s+/).filter(Boolean).length,
  };
}

const candidate = (
  intentName: string,
  score: number,
  slots: IntentCandidate['slots'] = {},
): IntentCandidate => ({
  intentName,
  score,
  slots,
});

describe('measureAccuracy', () => {
  const items: HeldOutItem[] = [
    { text: 'a', intent: 'Order' },
    { text: 'b', intent: 'Order', slots: { Number: '12' } },
    { text: 'c', intent: 'Hours' },
    { text: 'd', intent: 'FallbackIntent' },
    { text: 'e', intent: 'FallbackIntent' },
  ];
  const classifier = tableClassifier({
    a: [candidate('Order', 0.9)],
    b: [
      candidate('Hours', 0.5),
      candidate('Order', 0.45, {
        Number: { originalValue: '12', interpretedValue: '12', resolvedValues: ['12'] },
      }),
    ],
    c: [candidate('Hours', 0.39)],
    d: [candidate('Order', 0.2)],
    e: [candidate('Hours', 0.41)],
  });
  const result = measureAccuracy({
    localeId: 'en_US',
    threshold: 0.4,
    fallbackIntent: 'FallbackIntent',
    classifier,
    items,
  });

  it('falls back below the threshold, as the dialog engine does', () => {
    expect(result.misses.map((miss) => [miss.text, miss.predicted])).toEqual([
      ['b', 'Hours'],
      ['c', 'FallbackIntent'],
      ['e', 'Hours'],
    ]);
    expect(result.correct).toBe(2);
    expect(result.accuracy).toBeCloseTo(0.4);
  });

  it('counts per intent and out of domain', () => {
    expect(result.perIntent).toEqual([
      { intent: 'Order', n: 2, correct: 1, accuracy: 0.5 },
      { intent: 'Hours', n: 1, correct: 0, accuracy: 0 },
      { intent: 'FallbackIntent', n: 2, correct: 1, accuracy: 0.5 },
    ]);
    expect(result.outOfDomain).toEqual({ n: 2, fellBack: 1, rate: 0.5 });
  });

  it("reads slot values from the expected intent's candidate", () => {
    expect(result.slots).toEqual({ items: 1, itemsAllCorrect: 1, values: 1, valuesCorrect: 1, accuracy: 1 });
  });

  it('lists confusions, most frequent first', () => {
    expect(result.confusions.map((c) => [c.expected, c.predicted, c.count])).toEqual([
      ['FallbackIntent', 'Hours', 1],
      ['Hours', 'FallbackIntent', 1],
      ['Order', 'Hours', 1],
    ]);
  });

  it('prints a table with the figures', () => {
    const table = formatAccuracyTable(result);
    expect(table).toContain('overall top-1 accuracy: 40.0% (2/5)');
    expect(table).toContain('out-of-domain fallback rate: 50.0% (1/2)');
    expect(table).toMatch(/Order\s+2\s+1\s+50\.0%/);
    expect(table).toContain('Order -> Hours: 1');
    expect(table).not.toContain('"b"');
    expect(formatAccuracyTable(result, { examples: true })).toContain('Order -> Hours: 1, e.g. "b"');
  });
});

describe('readHeldOutSet', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'heldout-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function file(content: string): Promise<string> {
    const name = heldOutFile(directory, `xx_${Math.random().toString(36).slice(2)}`);
    await writeFile(name, content);
    return name;
  }

  it('reads items with optional expected slots', async () => {
    const name = await file(
      "- { text: 'where is 123', intent: Order, slots: { Number: '123' } }\n- { text: hi, intent: Hello }\n",
    );
    await expect(readHeldOutSet(name)).resolves.toEqual([
      { text: 'where is 123', intent: 'Order', slots: { Number: '123' } },
      { text: 'hi', intent: 'Hello' },
    ]);
  });

  it('names the item and field that is wrong', async () => {
    const name = await file('- { text: hi }\n- { text: yo, intent: Hello, extra: 1 }\n');
    await expect(readHeldOutSet(name)).rejects.toThrow(
      /is not a held-out set:[\s\S]*0\.intent[\s\S]*1: .*extra/,
    );
  });

  it('reports YAML syntax errors and missing files with the file name', async () => {
    const broken = await file('- { text: [\n');
    await expect(readHeldOutSet(broken)).rejects.toThrow(`${broken} is not valid YAML`);
    await expect(readHeldOutSet(path.join(directory, 'missing.yaml'))).rejects.toThrow(
      /cannot read the held-out set/,
    );
  });
});

describe('where evaluation and benchmark results go', () => {
  it('is a folder git ignores, so running them leaves the tree as it was', () => {
    const file = path.relative(process.cwd(), DEFAULT_RESULTS_FILE);
    expect(path.dirname(DEFAULT_RESULTS_FILE)).toBe(BENCH_RESULTS_DIRECTORY);
    // `git check-ignore` exits 0 for an ignored path and 1 for a tracked-to-be one.
    expect(spawnSync('git', ['check-ignore', '-q', file]).status).toBe(0);
  });
});
