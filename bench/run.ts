import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_RESULTS_DIRECTORY, DEFAULT_RESULTS_FILE, evaluateHeldOut } from '../local/lex/nlu/evaluate';
import { COLD_START_BUDGET_RATIO, measureColdStart } from './cold-start';
import { measureLongConversation } from './long-conversation';
import { measureTurnLatency } from './turn-latency';
import { measureVoiceCalls } from './voice-calls';
import { freePort } from '../local/free-port';

const RESULTS = BENCH_RESULTS_DIRECTORY;
/** Every run on this machine, for the trend column; ignored like the rest of the results. */
const LOCAL_HISTORY = path.join(RESULTS, 'history.jsonl');
/** The runs someone chose to keep (`--record`): committed, so a trend survives a fresh clone. */
const RECORDED_HISTORY = path.join(__dirname, 'history.jsonl');
const SPARK = '▁▂▃▄▅▆▇█';

interface Metric {
  name: string;
  value: number;
  unit: string;
  /** Whether a larger value is better, for the trend arrow. */
  higherIsBetter: boolean;
  /** The budget the figure must meet (issue 12): at most this, or at least it when higher is better. */
  budget?: number;
}

/**
 * `npm run bench [-- --record]`: every benchmark, a table with the previous run and a sparkline of the last
 * ten, one JSON file per benchmark plus one history line per run under .parley/bench/ (ignored). `--record`
 * also appends the run to bench/history.jsonl, the committed history; nothing else touches tracked files.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { record: { type: 'boolean', default: false } } });
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
  await mkdir(RESULTS, { recursive: true });
  const progress = (line: string) => {
    // Redrawn in place on a terminal; in a log only the completed steps, one line each.
    if (process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(70)}`);
    else if (/(\d+)\/\1\b/.test(line) || line.startsWith('turn latency')) process.stderr.write(`${line}\n`);
  };

  const nlu = await evaluateHeldOut({
    onProgress: (localeId, done, total) => progress(`nlu accuracy: ${localeId} ${done}/${total}`),
  });
  await writeFile(DEFAULT_RESULTS_FILE, `${JSON.stringify(nlu, null, 2)}\n`);
  // One port for every stack in this process: the code hook module, like a warm Lambda, keeps the endpoint
  // it was first configured with.
  const port = await freePort();
  const latency = await measureTurnLatency(rounds, progress, port);
  await writeFile(path.join(RESULTS, 'turn-latency.json'), `${JSON.stringify(latency, null, 2)}\n`);
  const long = await measureLongConversation(Number(process.env.BENCH_LONG_TURNS ?? 50), progress, port);
  await writeFile(path.join(RESULTS, 'long-conversation.json'), `${JSON.stringify(long, null, 2)}\n`);
  const voice = await measureVoiceCalls(progress, port);
  await writeFile(path.join(RESULTS, 'voice-calls.json'), `${JSON.stringify(voice, null, 2)}\n`);
  const coldStart = await measureColdStart(Number(process.env.BENCH_LOADS ?? 15), progress);
  await writeFile(path.join(RESULTS, 'cold-start.json'), `${JSON.stringify(coldStart, null, 2)}\n`);
  process.stderr.write('\n');

  const metrics: Metric[] = [
    ...nlu.locales.map((locale) => ({
      name: `nlu top-1 accuracy ${locale.localeId}`,
      value: round(locale.accuracy * 100),
      unit: '%',
      higherIsBetter: true,
    })),
    {
      name: 'turn round trip p50 (SDK h2c)',
      value: latency.clientRoundTripMs.p50,
      unit: 'ms',
      higherIsBetter: false,
    },
    {
      name: 'turn round trip p95 (SDK h2c)',
      value: latency.clientRoundTripMs.p95,
      unit: 'ms',
      higherIsBetter: false,
    },
    { name: 'emulator turn p95', value: latency.emulatorTurnMs.p95, unit: 'ms', higherIsBetter: false },
    { name: 'code hook p95', value: latency.codeHookMs.p95, unit: 'ms', higherIsBetter: false },
    {
      name: 'model input tokens, turn 5',
      value: long.inputTokensAtTurn['5'] ?? 0,
      unit: 'tok',
      higherIsBetter: false,
    },
    {
      name: `model input tokens, turn ${long.turns}`,
      value: long.inputTokensAtTurn[String(long.turns)] ?? 0,
      unit: 'tok',
      higherIsBetter: false,
    },
    {
      name: `model input tokens, turn ${long.turns} / turn 5`,
      value: round((long.inputTokensAtTurn[String(long.turns)] ?? 0) / (long.inputTokensAtTurn['5'] || 1)),
      unit: 'x',
      higherIsBetter: false,
      budget: 1.2,
    },
    ...Object.entries(long.itemBytesAtTurn).map(([turn, bytes]) => ({
      name: `stored turn size, turn ${turn}`,
      value: bytes ?? 0,
      unit: 'B',
      higherIsBetter: false,
    })),
    {
      name: 'FAQ answer round trip p95',
      value: long.answerRoundTripMs.p95,
      unit: 'ms',
      higherIsBetter: false,
    },
    ...voiceMetrics(voice),
    {
      name: 'code hook bundle / bare SDK clients',
      value: coldStart.sizeRatio,
      unit: 'x',
      higherIsBetter: false,
      budget: COLD_START_BUDGET_RATIO,
    },
    {
      name: 'code hook bundle',
      value: round(coldStart.codeHook.bytes / 1024),
      unit: 'KiB',
      higherIsBetter: false,
    },
    {
      name: 'code hook load / bare SDK clients',
      value: coldStart.loadRatio,
      unit: 'x',
      higherIsBetter: false,
      budget: COLD_START_BUDGET_RATIO,
    },
    { name: 'code hook load (median)', value: coldStart.codeHook.loadMs, unit: 'ms', higherIsBetter: false },
    // The load alone hides what a handler puts off until its first turn; a cold start is both.
    {
      name: 'code hook load + first turn / bare',
      value: coldStart.firstTurnRatio,
      unit: 'x',
      higherIsBetter: false,
    },
    {
      name: 'code hook load + first turn (median)',
      value: coldStart.codeHook.firstTurnMs,
      unit: 'ms',
      higherIsBetter: false,
    },
    {
      name: 'bare SDK clients load (median)',
      value: coldStart.bareClients.loadMs,
      unit: 'ms',
      higherIsBetter: false,
    },
  ];
  const history = [...(await readHistory(RECORDED_HISTORY)), ...(await readHistory(LOCAL_HISTORY))];
  printTable(metrics, history, latency.clientRoundTripMs.turns);
  const run = `${JSON.stringify({ timestamp: new Date().toISOString(), node: process.version, metrics: Object.fromEntries(metrics.map((m) => [m.name, m.value])) })}\n`;
  await appendFile(LOCAL_HISTORY, run);
  if (values.record) await appendFile(RECORDED_HISTORY, run);
  console.log(
    `\nresults: ${path.relative(process.cwd(), RESULTS)}/ (nlu-accuracy.json, turn-latency.json, long-conversation.json, voice-calls.json, cold-start.json, history.jsonl)` +
      (values.record
        ? `; recorded in ${path.relative(process.cwd(), RECORDED_HISTORY)}`
        : ' (--record keeps the run in bench/history.jsonl)'),
  );
}

function voiceMetrics(voice: Awaited<ReturnType<typeof measureVoiceCalls>>): Metric[] {
  if ('skipped' in voice) {
    console.error(`voice calls skipped: ${voice.skipped}`);
    return [];
  }
  return [
    { name: 'spoken turns: intent right', value: voice.intentCorrect, unit: '%', higherIsBetter: true },
    { name: 'spoken turns: transcript exact', value: voice.transcriptExact, unit: '%', higherIsBetter: true },
    {
      name: 'spoken turn p50 (audio in/out)',
      value: voice.spokenTurnMs.p50,
      unit: 'ms',
      higherIsBetter: false,
    },
    {
      name: 'spoken turn p95 (audio in/out)',
      value: voice.spokenTurnMs.p95,
      unit: 'ms',
      higherIsBetter: false,
    },
    { name: 'Polly uncached p50', value: voice.pollyUncachedMs.p50, unit: 'ms', higherIsBetter: false },
    { name: 'Polly cached p50', value: voice.pollyCachedMs.p50, unit: 'ms', higherIsBetter: false },
  ];
}

async function readHistory(file: string): Promise<Record<string, number>[]> {
  try {
    const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
    return lines.map((line) => (JSON.parse(line) as { metrics: Record<string, number> }).metrics);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function printTable(metrics: Metric[], history: Record<string, number>[], turns: number): void {
  const rows = metrics.map((metric) => {
    const past = history.map((run) => run[metric.name]).filter((v): v is number => typeof v === 'number');
    const previous = past.at(-1);
    const trend = previous === undefined ? '' : arrow(metric, previous);
    return [
      metric.name,
      `${metric.value} ${metric.unit}`,
      metric.budget === undefined
        ? '-'
        : `${metric.higherIsBetter ? '>=' : '<='} ${metric.budget} ${metric.unit}`,
      verdict(metric),
      previous === undefined ? '-' : `${previous} ${metric.unit}`,
      `${sparkline([...past.slice(-9), metric.value])} ${trend}`,
    ];
  });
  const header = ['metric', 'now', 'budget', 'verdict', 'previous', 'last 10 runs'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  console.log(`(${turns} turns through the real Lex runtime client against the in-memory local stack)`);
}

function verdict(metric: Metric): string {
  if (metric.budget === undefined) return '';
  const met = metric.higherIsBetter ? metric.value >= metric.budget : metric.value <= metric.budget;
  return met ? 'met' : 'OVER';
}

function arrow(metric: Metric, previous: number): string {
  if (metric.value === previous) return '=';
  const better = metric.higherIsBetter ? metric.value > previous : metric.value < previous;
  return better ? 'better' : 'worse';
}

function sparkline(values: number[]): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return values
    .map((value) => SPARK[max === min ? 3 : Math.round(((value - min) / (max - min)) * (SPARK.length - 1))])
    .join('');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
