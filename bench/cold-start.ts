import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const REPOSITORY_ROOT = path.resolve(__dirname, '..');
const CODE_HOOK_ENTRY = path.join(REPOSITORY_ROOT, 'functions', 'lex-code-hook', 'handler.ts');
const BARE_CLIENTS_ENTRY = path.join(__dirname, 'cold-start', 'bare-clients.ts');
/** Budget of issue 12: the hook at most 1.3 times the bare clients, in bytes and in load time. */
export const COLD_START_BUDGET_RATIO = 1.3;

export interface BundleMeasure {
  bytes: number;
  /** Median time to require the bundle in a fresh Node process, in milliseconds. */
  loadMs: number;
}

export interface ColdStartResult {
  codeHook: BundleMeasure;
  bareClients: BundleMeasure;
  sizeRatio: number;
  loadRatio: number;
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
    const hookTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let run = 1; run <= loads; run++) {
      hookTimes.push(loadTime(hookFile));
      bareTimes.push(loadTime(bareFile));
      progress(`cold start: ${run}/${loads} loads`);
    }
    const codeHook = { bytes: (await stat(hookFile)).size, loadMs: median(hookTimes) };
    const bareClients = { bytes: (await stat(bareFile)).size, loadMs: median(bareTimes) };
    return {
      codeHook,
      bareClients,
      sizeRatio: round(codeHook.bytes / bareClients.bytes),
      loadRatio: round(codeHook.loadMs / bareClients.loadMs),
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

/** Requires the bundle in a new Node process and returns how long the require took, in milliseconds. */
function loadTime(file: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const child = spawnSync(process.execPath, ['-e', script], {
    // A Lambda's environment: a region, and nothing that points the clients anywhere.
    env: { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1', AWS_LAMBDA_FUNCTION_NAME: 'cold-start' },
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`loading ${path.basename(file)} failed: ${child.stderr}`);
  return Number(child.stdout);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.floor(sorted.length / 2)] ?? 0);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
