/**
 * Held-out accuracy of the local NLU on a bot's paraphrase sets (`test/fixtures/nlu/heldout.<locale>.yaml`).
 *
 *   tsx local/lex/nlu/evaluate.ts [--locale en_US]... [--bot RetailSupportBot] [--json]
 *
 * Prints a table per locale (or the JSON with --json) and writes .parley/bench/nlu-accuracy.json (ignored).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findLocale, loadBots } from '../../../bot-definitions/loader/load';
import { FALLBACK_INTENT_SIGNATURE } from '../../../bot-definitions/loader/built-ins';
import { createIntentClassifier } from './classifier';
import { measureAccuracy, type LocaleAccuracy } from './evaluation/accuracy';
import { heldOutFile, readHeldOutSet } from './evaluation/heldout-set';
import { formatAccuracyTable } from './evaluation/report';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');
export const DEFAULT_HELD_OUT_DIRECTORY = path.join(REPOSITORY_ROOT, 'test', 'fixtures', 'nlu');
/** Results of a run: an ignored folder, so evaluating leaves the tree as it was. */
export const BENCH_RESULTS_DIRECTORY = path.join(REPOSITORY_ROOT, '.parley', 'bench');
export const DEFAULT_RESULTS_FILE = path.join(BENCH_RESULTS_DIRECTORY, 'nlu-accuracy.json');
const DEFAULT_BOT = 'RetailSupportBot';

export interface HeldOutOptions {
  botName?: string;
  /** Locales to evaluate; by default every locale of the bot. */
  locales?: readonly string[];
  botsRoot?: string;
  heldOutDirectory?: string;
  now?: () => Date;
  onProgress?: (localeId: string, done: number, total: number) => void;
}

export interface HeldOutReport {
  benchmark: 'nlu-accuracy';
  timestamp: string;
  bot: string;
  locales: LocaleAccuracy[];
}

export async function evaluateHeldOut(options: HeldOutOptions = {}): Promise<HeldOutReport> {
  const botName = options.botName ?? DEFAULT_BOT;
  const bots = await loadBots(options.botsRoot);
  const bot = bots.find((candidate) => candidate.definition.Name === botName);
  if (bot === undefined) {
    throw new Error(
      `no bot named ${botName}; loaded: ${bots.map((b) => b.definition.Name).join(', ') || 'none'}`,
    );
  }
  const localeIds = options.locales ?? bot.definition.BotLocales.map((locale) => locale.LocaleId);
  const now = options.now ?? (() => new Date());
  const locales: LocaleAccuracy[] = [];
  for (const localeId of localeIds) {
    const locale = findLocale(bot, localeId);
    if (locale === undefined) {
      const known = bot.definition.BotLocales.map((l) => l.LocaleId).join(', ');
      throw new Error(`bot ${botName} has no locale ${localeId}; it has ${known}`);
    }
    const fallback = locale.Intents?.find(
      (intent) => intent.ParentIntentSignature === FALLBACK_INTENT_SIGNATURE,
    );
    const items = await readHeldOutSet(
      heldOutFile(options.heldOutDirectory ?? DEFAULT_HELD_OUT_DIRECTORY, localeId),
    );
    locales.push(
      measureAccuracy({
        localeId,
        threshold: locale.NluConfidenceThreshold,
        fallbackIntent: fallback?.Name ?? 'FallbackIntent',
        classifier: createIntentClassifier(locale, { localeId, now }),
        eligibleIntents: new Set(
          (locale.Intents ?? [])
            .filter((intent) => (intent.InputContexts ?? []).length === 0)
            .map((intent) => intent.Name),
        ),
        items,
        onItem: (done, total) => options.onProgress?.(localeId, done, total),
      }),
    );
  }
  return { benchmark: 'nlu-accuracy', timestamp: new Date().toISOString(), bot: botName, locales };
}

interface CliArguments {
  locales: string[];
  botName: string | undefined;
  json: boolean;
  examples: boolean;
}

const USAGE = 'usage: tsx local/lex/nlu/evaluate.ts [--locale <id>]... [--bot <name>] [--json] [--examples]';

function parseArguments(argv: readonly string[]): CliArguments {
  const parsed: CliArguments = { locales: [], botName: undefined, json: false, examples: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--json') {
      parsed.json = true;
    } else if (argument === '--examples') {
      parsed.examples = true;
    } else if (argument === '--locale' || argument === '--bot') {
      const value = argv[++index];
      if (value === undefined || value.startsWith('--'))
        throw new Error(`${argument} needs a value\n${USAGE}`);
      if (argument === '--locale') parsed.locales.push(value);
      else parsed.botName = value;
    } else {
      throw new Error(`unknown argument ${JSON.stringify(argument)}\n${USAGE}`);
    }
  }
  return parsed;
}

function progressPrinter(): (localeId: string, done: number, total: number) => void {
  const interactive = process.stderr.isTTY;
  return (localeId, done, total) => {
    if (interactive) {
      process.stderr.write(`\r${localeId}: ${done}/${total} classified`);
      if (done === total) process.stderr.write('\n');
    } else if (done === total) {
      process.stderr.write(`${localeId}: ${done}/${total} classified\n`);
    }
  };
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const report = await evaluateHeldOut({
    ...(args.botName === undefined ? {} : { botName: args.botName }),
    ...(args.locales.length === 0 ? {} : { locales: args.locales }),
    onProgress: progressPrinter(),
  });
  await mkdir(path.dirname(DEFAULT_RESULTS_FILE), { recursive: true });
  await writeFile(DEFAULT_RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const tables = report.locales.map((locale) => formatAccuracyTable(locale, { examples: args.examples }));
    process.stdout.write(`${tables.join('\n\n')}\n`);
    process.stdout.write(`results written to ${path.relative(process.cwd(), DEFAULT_RESULTS_FILE)}\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
