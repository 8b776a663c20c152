import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_RESULTS_DIRECTORY, DEFAULT_RESULTS_FILE, evaluateHeldOut } from '../local/lex/nlu/evaluate';
import { COLD_START_BUDGET_RATIO, measureColdStart, type ColdStartResult } from './cold-start';
import type { ProfileSummary } from './cpu-profile';
import { HANDLER_P99_BUDGET_MS, measureHandlerTime, type HandlerTimeResult } from './handler-time';
import { HANDLER_PATHS } from './hook-turns';
import { measureLoad } from './load';
import { measureLongConversation, type LongConversationResult } from './long-conversation';
import { measureTurnLatency } from './turn-latency';
import { measureVoiceCalls } from './voice-calls';
import { freePort } from '../local/free-port';

const RESULTS = BENCH_RESULTS_DIRECTORY;
/** Every run on this machine, for the trend column; ignored like the rest of the results. */
const LOCAL_HISTORY = path.join(RESULTS, 'history.jsonl');
/** The runs someone chose to keep (`--record`): committed, so a trend survives a fresh clone. */
const RECORDED_HISTORY = path.join(__dirname, 'history.jsonl');
const SPARK = '▁▂▃▄▅▆▇█';
/** Turns per path run before the measured ones: the JIT and the clients' connections settle first. */
const HANDLER_WARMUP_TURNS = 50;
/** "Item size flat" (issue 12): a turn stored late in a long chat at most this much larger than an early one. */
const STORED_TURN_GROWTH_BUDGET = 1.1;

interface Metric {
  name: string;
  value: number;
  unit: string;
  /** Whether a larger value is better, for the trend arrow. */
  higherIsBetter: boolean;
  /** The budget the figure must meet (issue 12): at most this, or at least it when higher is better. */
  budget?: number;
}

/** The benchmarks in the order they run; `--only` picks some (each is independent of the others). */
const BENCHMARKS = ['nlu', 'latency', 'long', 'handler', 'load', 'voice', 'cold-start'] as const;
type BenchmarkName = (typeof BENCHMARKS)[number];

const USAGE = `Usage: npm run bench -- [--only ${BENCHMARKS.join(',')}] [--record]

  --only <list>  run only these benchmarks, comma-separated (all by default)
  --record       also append the run to bench/history.jsonl (committed)

Environment: BENCH_ROUNDS, BENCH_LONG_TURNS, BENCH_HANDLER_TURNS, BENCH_LOAD_SESSIONS, BENCH_LOAD_TURNS and
BENCH_LOADS shorten (or lengthen) a run.`;

interface Step {
  /** The result, written as <file>.json under .parley/bench/. */
  file: string;
  result: unknown;
  metrics: Metric[];
  /** Lines printed under the table: what a profile found, why something was skipped. */
  notes?: string[];
}

/**
 * `npm run bench [-- --only list] [-- --record]`: every benchmark (or those listed), a table with the
 * previous run and a sparkline of the last ten, one JSON file per benchmark plus one history line per run
 * under .parley/bench/ (ignored). `--record` also appends the run to bench/history.jsonl, the committed
 * history; nothing else touches tracked files.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      record: { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const selected = selectedBenchmarks(values.only);
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  await mkdir(RESULTS, { recursive: true });
  const progress = (line: string) => {
    // Redrawn in place on a terminal; in a log only the completed steps, one line each.
    if (process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(70)}`);
    else if (/(\d+)\/\1\b/.test(line) || line.startsWith('turn latency')) process.stderr.write(`${line}\n`);
  };
  // One port for every stack in this process: the code hook module, like a warm Lambda, keeps the endpoint
  // it was first configured with.
  const port = await freePort();
  const steps: Step[] = [];
  for (const name of selected) {
    const step = await runBenchmark(name, progress, port);
    await writeFile(path.join(RESULTS, `${step.file}.json`), `${JSON.stringify(step.result, null, 2)}\n`);
    steps.push(step);
  }
  process.stderr.write('\n');

  const metrics = steps.flatMap((step) => step.metrics);
  const history = [...(await readHistory(RECORDED_HISTORY)), ...(await readHistory(LOCAL_HISTORY))];
  printTable(metrics, history);
  for (const note of steps.flatMap((step) => step.notes ?? [])) console.log(note);
  const run = `${JSON.stringify({ timestamp: new Date().toISOString(), node: process.version, ...(selected.length < BENCHMARKS.length ? { only: selected } : {}), metrics: Object.fromEntries(metrics.map((m) => [m.name, m.value])) })}\n`;
  await appendFile(LOCAL_HISTORY, run);
  if (values.record) await appendFile(RECORDED_HISTORY, run);
  console.log(
    `\nresults: ${path.relative(process.cwd(), RESULTS)}/ (${steps.map((step) => `${step.file}.json`).join(', ')}, history.jsonl)` +
      (values.record
        ? `; recorded in ${path.relative(process.cwd(), RECORDED_HISTORY)}`
        : ' (--record keeps the run in bench/history.jsonl)'),
  );
}

function selectedBenchmarks(only: string | undefined): BenchmarkName[] {
  if (only === undefined) return [...BENCHMARKS];
  const names = only
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(`--only takes some of ${BENCHMARKS.join(', ')}; got '${only}'`);
  }
  return BENCHMARKS.filter((name) => names.includes(name));
}

async function runBenchmark(
  name: BenchmarkName,
  progress: (line: string) => void,
  port: number,
): Promise<Step> {
  switch (name) {
    case 'nlu': {
      const nlu = await evaluateHeldOut({
        onProgress: (localeId, done, total) => progress(`nlu accuracy: ${localeId} ${done}/${total}`),
      });
      return {
        file: path.basename(DEFAULT_RESULTS_FILE, '.json'),
        result: nlu,
        metrics: nlu.locales.map((locale) => ({
          name: `nlu top-1 accuracy ${locale.localeId}`,
          value: round(locale.accuracy * 100),
          unit: '%',
          higherIsBetter: true,
        })),
      };
    }
    case 'latency': {
      const latency = await measureTurnLatency(Number(process.env.BENCH_ROUNDS ?? 20), progress, port);
      return {
        file: 'turn-latency',
        result: latency,
        metrics: [
          lower('turn round trip p50 (SDK h2c)', latency.clientRoundTripMs.p50, 'ms'),
          lower('turn round trip p95 (SDK h2c)', latency.clientRoundTripMs.p95, 'ms'),
          lower('emulator turn p95', latency.emulatorTurnMs.p95, 'ms'),
          lower('code hook p95', latency.codeHookMs.p95, 'ms'),
        ],
        notes: [
          `(turn latency: ${latency.clientRoundTripMs.turns} turns through the real Lex runtime client against the in-memory local stack)`,
        ],
      };
    }
    case 'long': {
      const long = await measureLongConversation(Number(process.env.BENCH_LONG_TURNS ?? 50), progress, port);
      return { file: 'long-conversation', result: long, metrics: longConversationMetrics(long) };
    }
    case 'handler': {
      const handler = await measureHandlerTime(
        Number(process.env.BENCH_HANDLER_TURNS ?? 500),
        HANDLER_WARMUP_TURNS,
        progress,
        port,
      );
      return { file: 'handler-time', result: handler, ...handlerTimeReport(handler) };
    }
    case 'load':
      return loadStep(progress, port);
    case 'voice': {
      const voice = await measureVoiceCalls(progress, port);
      return { file: 'voice-calls', result: voice, ...voiceReport(voice) };
    }
    case 'cold-start': {
      const coldStart = await measureColdStart(Number(process.env.BENCH_LOADS ?? 15), progress);
      return { file: 'cold-start', result: coldStart, metrics: coldStartMetrics(coldStart) };
    }
  }
}

function longConversationMetrics(long: LongConversationResult): Metric[] {
  return [
    lower('model input tokens, turn 5', long.inputTokensAtTurn['5'] ?? 0, 'tok'),
    lower(`model input tokens, turn ${long.turns}`, long.inputTokensAtTurn[String(long.turns)] ?? 0, 'tok'),
    lower(
      `model input tokens, turn ${long.turns} / turn 5`,
      round((long.inputTokensAtTurn[String(long.turns)] ?? 0) / (long.inputTokensAtTurn['5'] || 1)),
      'x',
      1.2,
    ),
    ...Object.entries(long.itemBytesAtTurn).map(([turn, bytes]) =>
      lower(`stored turn size, turn ${turn}`, bytes ?? 0, 'B'),
    ),
    lower(`memory reads per model turn (max of ${long.modelTurns})`, long.maxReadsPerModelTurn, '', 1),
    lower(`memory writes per model turn (max of ${long.modelTurns})`, long.maxWritesPerModelTurn, '', 1),
    lower('model turns that also wrote a knowledge gap', long.modelTurnsWithGap, ''),
    ...Object.entries(long.dynamoDbAtTurn).map(([turn, requests]) =>
      lower(
        `DynamoDB bytes, turn ${turn} (${requests?.source ?? 'no'} answer)`,
        (requests?.requestBytes ?? 0) + (requests?.responseBytes ?? 0),
        'B',
      ),
    ),
    ...sameQuestionGrowth(long),
    lower('FAQ answer round trip p95', long.answerRoundTripMs.p95, 'ms'),
  ];
}

/**
 * Turns 10 and 50 ask the same question (the questions repeat every ten), so their stored turns differ only by
 * what the conversation's length adds: "item size flat" is their ratio.
 */
function sameQuestionGrowth(long: LongConversationResult): Metric[] {
  const tenth = long.itemBytesAtTurn['10'];
  const fiftieth = long.itemBytesAtTurn['50'];
  if (!tenth || !fiftieth) return [];
  return [
    lower(
      'stored turn size, turn 50 / turn 10 (same question)',
      round(fiftieth / tenth),
      'x',
      STORED_TURN_GROWTH_BUDGET,
    ),
  ];
}

function handlerTimeReport(result: HandlerTimeResult): Pick<Step, 'metrics' | 'notes'> {
  const metrics = HANDLER_PATHS.flatMap((name): Metric[] => {
    const figures = result.paths[name];
    return [
      lower(`handler own time p50, ${name}`, figures.ownMs.p50, 'ms'),
      lower(`handler own time p99, ${name}`, figures.ownMs.p99, 'ms', HANDLER_P99_BUDGET_MS),
      lower(`handler own CPU p99, ${name}`, figures.ownCpuMs.p99, 'ms', HANDLER_P99_BUDGET_MS),
      lower(`handler + SDK CPU p99, ${name}`, figures.ownWithSdkCpuMs.p99, 'ms'),
    ];
  });
  const notes = HANDLER_PATHS.map(
    (name) =>
      `handler time, ${name} (${result.paths[name].turns} turns): ${topOf(result.paths[name].profile)} ` +
      `(time in the bench's CPU-time probe left out: ${result.paths[name].profile.ignoredMs} ms)`,
  );
  return { metrics, notes };
}

function coldStartMetrics(coldStart: ColdStartResult): Metric[] {
  return [
    lower('code hook bundle / bare SDK clients', coldStart.sizeRatio, 'x', COLD_START_BUDGET_RATIO),
    lower('code hook bundle', round(coldStart.codeHook.bytes / 1024), 'KiB'),
    lower('code hook load / bare SDK clients', coldStart.loadRatio, 'x', COLD_START_BUDGET_RATIO),
    lower('code hook load (median)', coldStart.codeHook.loadMs, 'ms'),
    // The load alone hides what a handler puts off until its first turn; a cold start is both.
    lower('code hook load + first turn / bare', coldStart.firstTurnRatio, 'x'),
    lower('code hook load + first turn (median)', coldStart.codeHook.firstTurnMs, 'ms'),
    lower('bare SDK clients load (median)', coldStart.bareClients.loadMs, 'ms'),
  ];
}

async function loadStep(progress: (line: string) => void, port: number): Promise<Step> {
  const { result, profile } = await measureLoad(
    Number(process.env.BENCH_LOAD_SESSIONS ?? 100),
    Number(process.env.BENCH_LOAD_TURNS ?? 20),
    progress,
    port,
  );
  // The whole profile too, for Chrome DevTools or speedscope: the summary only names the top entries.
  await writeFile(path.join(RESULTS, 'load.cpuprofile'), JSON.stringify(profile));
  const label = `${result.sessions}x${result.turnsPerSession}`;
  return {
    file: 'load',
    result,
    metrics: [
      lower(`load ${label}: errors`, result.errors, '', 0),
      lower(`load ${label}: turns lost from memory`, result.memory.lost, '', 0),
      lower(`load ${label}: turns duplicated in memory`, result.memory.duplicated, '', 0),
      {
        name: `load ${label}: throughput`,
        value: result.turnsPerSecond,
        unit: 'turns/s',
        higherIsBetter: true,
      },
      lower(`load ${label}: turn p50`, result.turnMs.p50, 'ms'),
      lower(`load ${label}: turn p99`, result.turnMs.p99, 'ms'),
    ],
    notes: [
      `load ${label}: ${result.memory.stored} remembered turns checked in dynalite; CPU profile (whole process, .parley/bench/load.cpuprofile): ${topOf(result.profile, 8)}`,
      ...result.errorSamples.map((sample) => `load error: ${sample}`),
    ],
  };
}

/** A figure that is better lower, with its budget when it has one. */
function lower(name: string, value: number, unit: string, budget?: number): Metric {
  return { name, value, unit, higherIsBetter: false, ...(budget === undefined ? {} : { budget }) };
}

/** A profile in one line: the modules with the most self time and their shares. */
function topOf(profile: ProfileSummary, count = 6): string {
  return profile.modules
    .slice(0, count)
    .map((module) => `${module.name} ${module.share}%`)
    .join(', ');
}

function voiceReport(voice: Awaited<ReturnType<typeof measureVoiceCalls>>): Pick<Step, 'metrics' | 'notes'> {
  if ('skipped' in voice) return { metrics: [], notes: [`voice calls skipped: ${voice.skipped}`] };
  const { split, speech, pollyCache } = voice;
  const lookups = pollyCache.hits + pollyCache.misses;
  return {
    metrics: [
      { name: 'spoken turns: intent right', value: voice.intentCorrect, unit: '%', higherIsBetter: true },
      {
        name: 'spoken turns: transcript exact',
        value: voice.transcriptExact,
        unit: '%',
        higherIsBetter: true,
      },
      lower('spoken turn p50 (audio in/out)', voice.spokenTurnMs.p50, 'ms'),
      lower('spoken turn p95 (audio in/out)', voice.spokenTurnMs.p95, 'ms'),
      lower('spoken turn p50: recognition', split.recognitionMs, 'ms'),
      lower('spoken turn p50: NLU and dialog', split.nluMs, 'ms'),
      lower('spoken turn p50: code hook', split.hookMs, 'ms'),
      lower('spoken turn p50: model', split.modelMs, 'ms'),
      lower('spoken turn p50: speech', split.speechMs, 'ms'),
      lower('spoken turn p50: the rest', split.otherMs, 'ms'),
      lower('recognition per second of audio', voice.recognitionMsPerAudioSecond, 'ms/s'),
      lower('Polly uncached p50', voice.pollyUncachedMs.p50, 'ms'),
      lower('Polly cached p50', voice.pollyCachedMs.p50, 'ms'),
      ...(['short', 'long'] as const).flatMap((length) => [
        lower(`Polly ${length} answer: first byte, new`, speech[length].uncachedFirstByteMs.p50, 'ms'),
        lower(`Polly ${length} answer: last byte, new`, speech[length].uncachedTotalMs.p50, 'ms'),
        lower(`Polly ${length} answer: first byte, cached`, speech[length].cachedFirstByteMs.p50, 'ms'),
      ]),
      {
        name: 'Polly cache hits',
        value: lookups === 0 ? 0 : round((pollyCache.hits / lookups) * 100),
        unit: '%',
        higherIsBetter: true,
      },
    ],
    notes: [
      `voice: ${voice.utterances} spoken turns; Polly answers of ${speech.short.characters} and ${speech.long.characters} characters; ` +
        `Polly cache ${pollyCache.hits} hits of ${lookups} (callers' and bot's speech)`,
    ],
  };
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

function printTable(metrics: Metric[], history: Record<string, number>[]): void {
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

class UsageError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else console.error(error);
  process.exitCode = 1;
});
