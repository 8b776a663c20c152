import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { DefinitionError, loadBot, type DefinitionProblem } from '../../../bot-definitions/loader/load';
import type { BotDefinition, BotLocale, Intent, LocalSettings } from '../../../bot-definitions/loader/schema';

/** The files of one bot folder, as objects; locales are keyed by file name without `.yaml`. */
export interface BotFiles {
  bot: Omit<BotDefinition, 'BotLocales'>;
  local: Omit<LocalSettings, 'CodeHook'> & {
    CodeHook: { Module: string; Export?: string; TimeoutSeconds?: number };
  };
  locales: Record<string, BotLocale>;
}

const prompt = (text: string) => ({
  MaxRetries: 2,
  MessageGroupsList: [{ Message: { PlainTextMessage: { Value: text } } }],
});

export function orderShirtIntent(): Intent {
  return {
    Name: 'OrderShirt',
    SampleUtterances: [{ Utterance: 'order a shirt' }, { Utterance: 'I want a {Color} shirt' }],
    SlotPriorities: [
      { Priority: 1, SlotName: 'Color' },
      { Priority: 2, SlotName: 'Size' },
    ],
    Slots: [
      {
        Name: 'Color',
        SlotTypeName: 'Color',
        ValueElicitationSetting: { SlotConstraint: 'Required', PromptSpecification: prompt('Which color?') },
      },
      {
        Name: 'Size',
        SlotTypeName: 'AMAZON.Number',
        ValueElicitationSetting: { SlotConstraint: 'Optional' },
      },
    ],
    IntentConfirmationSetting: {
      PromptSpecification: prompt('A {Color} shirt in size {Size}, [customerName]?'),
    },
  };
}

export function validLocale(localeId = 'en_US'): BotLocale {
  return {
    LocaleId: localeId,
    NluConfidenceThreshold: 0.4,
    SlotTypes: [
      {
        Name: 'Color',
        ValueSelectionSetting: { ResolutionStrategy: 'TOP_RESOLUTION' },
        SlotTypeValues: [
          { SampleValue: { Value: 'red' }, Synonyms: [{ Value: 'crimson' }] },
          { SampleValue: { Value: 'blue' } },
        ],
      },
    ],
    Intents: [
      orderShirtIntent(),
      { Name: 'Greet', SampleUtterances: [{ Utterance: 'hello' }, { Utterance: 'hi there' }] },
      { Name: 'FallbackIntent', ParentIntentSignature: 'AMAZON.FallbackIntent' },
    ],
  };
}

export function validBotFiles(): BotFiles {
  return {
    bot: { Name: 'TestBot', DataPrivacy: { ChildDirected: false }, IdleSessionTTLInSeconds: 300 },
    local: {
      BotId: 'TESTBOT001',
      BotAliasId: 'TESTALIAS1',
      BotAliasName: 'Test',
      CodeHook: { Module: 'functions/hook' },
    },
    locales: { en_US: validLocale() },
  };
}

export async function makeTempRoot(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'parley-bots-'));
}

export async function removeTempRoot(root: string): Promise<void> {
  await fs.rm(root, { recursive: true, force: true });
}

/** Writes the bot as `<root>/<folder>/{bot,local,<locale>}.yaml` and returns the folder. */
export async function writeBot(root: string, files: BotFiles, folder = 'TestBot'): Promise<string> {
  const directory = path.join(root, folder);
  await fs.mkdir(directory, { recursive: true });
  await Promise.all([
    fs.writeFile(path.join(directory, 'bot.yaml'), stringify(files.bot)),
    fs.writeFile(path.join(directory, 'local.yaml'), stringify(files.local)),
    ...Object.entries(files.locales).map(([name, locale]) =>
      fs.writeFile(path.join(directory, `${name}.yaml`), stringify(locale)),
    ),
  ]);
  return directory;
}

/** Loads a folder that must be invalid and returns its problems; any other outcome fails the test. */
export async function problemsOf(directory: string): Promise<DefinitionProblem[]> {
  const error: unknown = await loadBot(directory).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DefinitionError))
    throw new Error(`expected a DefinitionError, got ${String(error)}`);
  return error.problems;
}
