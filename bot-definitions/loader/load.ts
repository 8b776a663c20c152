import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  BOT_FILE,
  DIRECTORY_PATH,
  fileLabel,
  readBotFolder,
  unreadableFolder,
  type BotRead,
  type LoadedBot,
} from './bot-folder';
import { DefinitionError, type DefinitionProblem } from './problems';
import type { BotLocale } from './schema';

export { DefinitionError, formatProblem, type DefinitionProblem } from './problems';
export type { LoadedBot } from './bot-folder';

const DEFAULT_DEFINITIONS_ROOT = path.resolve(__dirname, '..');

/** Loads one bot folder; throws a DefinitionError listing every problem found. */
export async function loadBot(directory: string): Promise<LoadedBot> {
  const { bot, problems } = await readBotFolder(path.resolve(directory));
  if (bot === undefined || problems.length > 0) throw new DefinitionError(problems);
  return bot.loaded;
}

/** Loads every subfolder of `rootDirectory` that has a bot.yaml; problems of all bots come in one DefinitionError. */
export async function loadBots(rootDirectory: string = DEFAULT_DEFINITIONS_ROOT): Promise<LoadedBot[]> {
  const root = path.resolve(rootDirectory);
  const directories = await botDirectories(root);
  if (!Array.isArray(directories)) throw new DefinitionError([directories]);

  const results = await Promise.all(directories.map(readBotFolder));
  const problems = results.flatMap((result) => result.problems);
  const bots = results.flatMap((result) => (result.bot === undefined ? [] : [result.bot]));
  problems.push(...crossBotProblems(bots));
  if (problems.length > 0) throw new DefinitionError(problems);
  return bots.map((bot) => bot.loaded);
}

export function findLocale(bot: LoadedBot, localeId: string): BotLocale | undefined {
  return bot.definition.BotLocales.find((locale) => locale.LocaleId === localeId);
}

async function botDirectories(root: string): Promise<string[] | DefinitionProblem> {
  let entries;
  try {
    entries = await fs.readdir(root, { withFileTypes: true });
  } catch (error) {
    return {
      file: fileLabel(root),
      path: DIRECTORY_PATH,
      message: unreadableFolder('bot definitions folder', error),
    };
  }
  const candidates = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(root, entry.name));
  const withBotFile = await Promise.all(candidates.map((dir) => fileExists(path.join(dir, BOT_FILE))));
  const directories = candidates.filter((_, index) => withBotFile[index]).sort();
  if (directories.length === 0) {
    return {
      file: fileLabel(root),
      path: DIRECTORY_PATH,
      message: `no bot definitions: expected <BotFolder>/${BOT_FILE} here`,
    };
  }
  return directories;
}

async function fileExists(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The emulator addresses bots by name and by BotId, so both must be unique across the folder. */
function crossBotProblems(bots: readonly NonNullable<BotRead['bot']>[]): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const byName = new Map<string, string>();
  const byId = new Map<string, string>();
  for (const { loaded, botSource, localSource } of bots) {
    const sameName = byName.get(loaded.definition.Name);
    if (sameName === undefined) byName.set(loaded.definition.Name, botSource.label);
    else
      problems.push(
        botSource.problem(['Name'], `bot name ${loaded.definition.Name} is already used by ${sameName}`),
      );
    const sameId = byId.get(loaded.local.BotId);
    if (sameId === undefined) byId.set(loaded.local.BotId, localSource.label);
    else
      problems.push(
        localSource.problem(['BotId'], `BotId ${loaded.local.BotId} is already used by ${sameId}`),
      );
  }
  return problems;
}
