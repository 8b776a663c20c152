import { promises as fs } from 'node:fs';
import path from 'node:path';
import { localeProblems } from './checks/locale';
import { localeFileProblems, type LoadedLocaleFile } from './locale-files';
import type { DefinitionProblem } from './problems';
import { DOCUMENT_PATH } from './readable-path';
import { BotDefinition, BotLocale, LocalSettings } from './schema';
import { parseWithSchema, type SchemaResult } from './schema-problems';
import { readSourceFile, type SourceFile } from './source-file';

/** The `LoadedBot` of load.ts, declared here so the folder reader does not depend on the public module. */
export interface LoadedBot {
  /** Exactly the `AWS::Lex::Bot` Properties the infra deploys (minus RoleArn/TestBotAliasSettings), locales sorted by LocaleId. */
  definition: BotDefinition;
  local: LocalSettings;
  /** Absolute path of the bot's folder. */
  directory: string;
}

export const BOT_FILE = 'bot.yaml';
const LOCAL_FILE = 'local.yaml';
const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
export const DIRECTORY_PATH = '(directory)';

/** bot.yaml holds the top-level properties; the locales live in their own files. */
const BotFileProperties = BotDefinition.omit({ BotLocales: true });
type BotFileProperties = Omit<BotDefinition, 'BotLocales'>;

/** Where a file is reported: relative to the repository when inside it, so messages read the same everywhere. */
export function fileLabel(absolutePath: string): string {
  const relative = path.relative(REPOSITORY_ROOT, absolutePath);
  const outside = relative.startsWith('..') || path.isAbsolute(relative);
  return (outside ? absolutePath : relative).split(path.sep).join('/');
}

export function unreadableFolder(what: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `the ${what} does not exist`;
  if (code === 'ENOTDIR') return `the ${what} is a file, not a folder`;
  return `cannot read the ${what}: ${String(error)}`;
}

export interface BotRead {
  bot?: { loaded: LoadedBot; botSource: SourceFile; localSource: SourceFile };
  problems: DefinitionProblem[];
}

/** Reads, validates and assembles one bot folder, collecting every problem instead of stopping at the first. */
export async function readBotFolder(directory: string): Promise<BotRead> {
  let fileNames: string[];
  try {
    fileNames = (await fs.readdir(directory, { withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch (error) {
    return {
      problems: [
        { file: fileLabel(directory), path: DIRECTORY_PATH, message: unreadableFolder('bot folder', error) },
      ],
    };
  }
  const problems: DefinitionProblem[] = fileNames
    .filter((name) => name.endsWith('.yml'))
    .map((name) => ({
      file: fileLabel(path.join(directory, name)),
      path: DOCUMENT_PATH,
      message: 'definition files end in .yaml; this .yml file would be ignored',
    }));
  const localeNames = fileNames
    .filter((name) => name.endsWith('.yaml') && name !== BOT_FILE && name !== LOCAL_FILE)
    .sort();

  const [botFile, localFile, ...localeFiles] = await Promise.all([
    readValidated(
      directory,
      BOT_FILE,
      'the top-level AWS::Lex::Bot properties (Name, DataPrivacy, IdleSessionTTLInSeconds, ...)',
      (value) => parseBotFile(value),
    ),
    readValidated(
      directory,
      LOCAL_FILE,
      'the emulator settings (BotId, BotAliasId, BotAliasName, CodeHook)',
      (value) => parseWithSchema(LocalSettings, value),
    ),
    ...localeNames.map((name) =>
      readValidated(directory, name, 'one BotLocale', (value) => parseWithSchema(BotLocale, value)),
    ),
  ]);
  problems.push(...botFile.problems, ...localFile.problems, ...localeFiles.flatMap((file) => file.problems));

  const validLocales: LoadedLocaleFile[] = localeFiles.flatMap((file) =>
    file.result === undefined ? [] : [{ source: file.result.source, locale: file.result.data }],
  );
  for (const { source, locale } of validLocales) problems.push(...source.problems(localeProblems(locale)));
  problems.push(...localeFileProblems(validLocales));
  if (localeNames.length === 0) {
    problems.push({
      file: fileLabel(directory),
      path: DIRECTORY_PATH,
      message: 'no locale files: add one <LocaleId>.yaml per locale, such as en_US.yaml',
    });
  }

  if (botFile.result === undefined || localFile.result === undefined || problems.length > 0) {
    return { problems: sortByPosition(problems) };
  }
  const locales = validLocales
    .map((file) => file.locale)
    .sort((a, b) => a.LocaleId.localeCompare(b.LocaleId));
  const loaded: LoadedBot = {
    definition: { ...botFile.result.data, BotLocales: locales },
    local: localFile.result.data,
    directory,
  };
  return {
    bot: { loaded, botSource: botFile.result.source, localSource: localFile.result.source },
    problems,
  };
}

/** The bot.yaml schema, with a clear word for the likely mistake of putting the locales in it. */
function parseBotFile(value: unknown): SchemaResult<BotFileProperties> {
  if (typeof value !== 'object' || value === null || !('BotLocales' in value))
    return parseWithSchema(BotFileProperties, value);
  const rest: Record<string, unknown> = { ...value };
  delete rest.BotLocales;
  const result = parseWithSchema(BotFileProperties, rest);
  const misplaced = {
    path: ['BotLocales'],
    message: 'BotLocales do not go in bot.yaml: put each locale in its own <LocaleId>.yaml',
  };
  return result.success
    ? { success: false, problems: [misplaced] }
    : { ...result, problems: [misplaced, ...result.problems] };
}

interface ValidatedFile<T> {
  result?: { source: SourceFile; data: T };
  problems: DefinitionProblem[];
}

async function readValidated<T>(
  directory: string,
  fileName: string,
  contents: string,
  parse: (value: unknown) => SchemaResult<T>,
): Promise<ValidatedFile<T>> {
  const absolutePath = path.join(directory, fileName);
  const label = fileLabel(absolutePath);
  const read = await readSourceFile(absolutePath, label);
  if (read.kind === 'missing') {
    return {
      problems: [
        { file: label, path: DOCUMENT_PATH, message: `${fileName} is missing; it holds ${contents}` },
      ],
    };
  }
  if (read.kind === 'failed') return { problems: read.problems };
  const parsed = parse(read.source.value);
  if (!parsed.success) return { problems: read.source.problems(parsed.problems) };
  return { result: { source: read.source, data: parsed.data }, problems: [] };
}

/** Reads like a compiler's output: file by file, top to bottom. */
function sortByPosition(problems: readonly DefinitionProblem[]): DefinitionProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
