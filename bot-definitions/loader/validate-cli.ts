import { existsSync } from 'node:fs';
import path from 'node:path';
import { DefinitionError, formatProblem, loadBot, loadBots, type LoadedBot } from './load';

export interface ValidationOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** `ok: RetailSupportBot (en_US, es_US): 12 intents, 340 utterances`, counted over all locales. */
function summary(bot: LoadedBot): string {
  const locales = bot.definition.BotLocales;
  const intents = locales.flatMap((locale) => locale.Intents ?? []);
  const utterances = intents.reduce((count, intent) => count + (intent.SampleUtterances?.length ?? 0), 0);
  const localeIds = locales.map((locale) => locale.LocaleId).join(', ');
  return `ok: ${bot.definition.Name} (${localeIds}): ${intents.length} intents, ${utterances} utterances`;
}

/**
 * Validates one bot folder (it has a bot.yaml) or a folder of bots, by default the repository's, and returns
 * the exit code: 0 when every bot loads, 1 with every problem written to `err` otherwise.
 */
export async function runValidation(target: string | undefined, output: ValidationOutput): Promise<number> {
  try {
    const singleBot = target !== undefined && existsSync(path.join(target, 'bot.yaml'));
    const bots = singleBot ? [await loadBot(target)] : await loadBots(target);
    for (const bot of bots) output.out(summary(bot));
    return 0;
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    for (const problem of error.problems) output.err(formatProblem(problem));
    output.err(`${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} found`);
    return 1;
  }
}

if (require.main === module) {
  runValidation(process.argv[2], {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
