import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { WELCOME_EVENT } from './cold-start/welcome-event';

const REPOSITORY_ROOT = path.resolve(__dirname, '..');
const CODE_HOOK_ENTRY = path.join(REPOSITORY_ROOT, 'functions', 'lex-code-hook', 'handler.ts');
const BARE_CLIENTS_ENTRY = path.join(__dirname, 'cold-start', 'bare-clients.ts');
/** Budget of issue 12: the hook at most 1.3 times the bare clients, in bytes and in load time. */
export const COLD_START_BUDGET_RATIO = 1.3;

export interface BundleMeasure {
  bytes: number;
  /** Median time to require the bundle in a fresh Node process, in milliseconds. */
  loadMs: number;
  /** Median time to require it and answer a first turn (WELCOME_EVENT, no network): a cold start. */
  firstTurnMs: number;
}

export interface ColdStartResult {
  codeHook: BundleMeasure;
  bareClients: BundleMeasure;
  sizeRatio: number;
  loadRatio: number;
  firstTurnRatio: number;
  loads: number;
  node: string;
}

/**
 * The code hook's bundle against a bundle of just its SDK clients, built as the infrastructure builds Lambda
 * code (esbuild, minified, CommonJS for node22, SDK included) and each required in `loads` fresh processes,
 * alternating, so both see the same machine load. Side by side in one run: the ratios are what counts.
 */
export async function measureColdStart(
  loads: number,
  progress: (line: string) => void = () => undefined,
): Promise<ColdStartResult> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'parley-cold-start-'));
  try {
    const hookFile = await bundle(CODE_HOOK_ENTRY, path.join(directory, 'code-hook.js'));
    const bareFile = await bundle(BARE_CLIENTS_ENTRY, path.join(directory, 'bare-clients.js'));
    const eventFile = path.join(directory, 'event.json');
    await writeFile(eventFile, JSON.stringify(WELCOME_EVENT));
    const hookTimes: ColdTimes[] = [];
    const bareTimes: ColdTimes[] = [];
    for (let run = 1; run <= loads; run++) {
      hookTimes.push(coldTimes(hookFile, eventFile));
      bareTimes.push(coldTimes(bareFile, eventFile));
      progress(`cold start: ${run}/${loads} loads`);
    }
    const measure = async (file: string, times: readonly ColdTimes[]): Promise<BundleMeasure> => ({
      bytes: (await stat(file)).size,
      loadMs: median(times.map((time) => time.loadMs)),
      firstTurnMs: median(times.map((time) => time.firstTurnMs)),
    });
    const codeHook = await measure(hookFile, hookTimes);
    const bareClients = await measure(bareFile, bareTimes);
    return {
      codeHook,
      bareClients,
      sizeRatio: round(codeHook.bytes / bareClients.bytes),
      loadRatio: round(codeHook.loadMs / bareClients.loadMs),
      firstTurnRatio: round(codeHook.firstTurnMs / bareClients.firstTurnMs),
      loads,
      node: process.version,
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** The options of infra/constructs/parley-function.ts (NodejsFunction's esbuild), source maps aside. */
async function bundle(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    logLevel: 'silent',
  });
  return outfile;
}

interface ColdTimes {
  loadMs: number;
  firstTurnMs: number;
}

/**
 * In a new Node process: how long requiring the bundle took, and requiring it and answering one event, in
 * milliseconds. Work a handler puts off until its first invocation shows in the second figure.
 */
function coldTimes(file: string, eventFile: string): ColdTimes {
  const script = [
    `const ms=(t)=>Number(process.hrtime.bigint()-t)/1e6;const t=process.hrtime.bigint();`,
    `const m=require(${JSON.stringify(file)});const loadMs=ms(t);`,
    `const event=JSON.parse(require('node:fs').readFileSync(${JSON.stringify(eventFile)},'utf8'));`,
    `Promise.resolve(m.handler(event)).then(()=>process.stdout.write(JSON.stringify({loadMs,firstTurnMs:ms(t)})));`,
  ].join('');
  const child = spawnSync(process.execPath, ['-e', script], {
    // A Lambda's environment: a region, and nothing that points the clients anywhere.
    env: { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1', AWS_LAMBDA_FUNCTION_NAME: 'cold-start' },
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`loading ${path.basename(file)} failed: ${child.stderr}`);
  // The hook logs its turn to stdout, as it would in Lambda; the figures are the last line.
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as ColdTimes;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.floor(sorted.length / 2)] ?? 0);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
