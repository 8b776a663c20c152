import path from 'node:path';
import type { LoadedBot } from '../../../bot-definitions/loader/load';
import type { LocaleBundle } from '../dialog/engine';
import type { CodeHookBinding } from '../dialog/hook-exchange';
import type { LambdaHandler } from '../../lambda/invoke';
import { DialogEngine } from '../dialog/engine';
import { LocaleDefinition } from '../dialog/intent-definitions';
import { createIntentClassifier } from '../nlu/classifier';
import { createSlotTypeResolver } from '../slots';
import { LexServiceError, type SessionKey } from './types';

/** Lex's draft alias, which every bot has and which the console's test window uses. */
export const TEST_ALIAS_ID = 'TSTALIASID';
const TEST_ALIAS_NAME = 'TestBotAlias';

export interface RegisteredLocale {
  bundle: LocaleBundle;
  engine: DialogEngine;
  idleSessionTtlSeconds: number;
}

export interface BotRegistryOptions {
  now: () => Date;
  /** Overrides the code hook from local.yaml; tests use it to exercise failing or slow hooks. */
  codeHook?: (bot: LoadedBot) => CodeHookBinding | undefined;
}

/**
 * Everything the emulator knows about the deployed bots: ids, aliases, locales, and per locale a classifier,
 * a dialog engine and the code hook. Built once at startup, so a turn does no definition work.
 */
export class BotRegistry {
  private readonly byId = new Map<string, { bot: LoadedBot; locales: Map<string, RegisteredLocale> }>();
  private readonly idByName = new Map<string, string>();

  constructor(bots: LoadedBot[], options: BotRegistryOptions) {
    for (const bot of bots) {
      const hook = options.codeHook ? options.codeHook(bot) : loadCodeHook(bot);
      const locales = new Map<string, RegisteredLocale>();
      for (const locale of bot.definition.BotLocales) {
        const context = { localeId: locale.LocaleId, now: options.now };
        const bundle: LocaleBundle = {
          botId: bot.local.BotId,
          botName: bot.definition.Name,
          definition: new LocaleDefinition(locale),
          classifier: createIntentClassifier(locale, context),
          confirmation: createSlotTypeResolver('AMAZON.Confirmation', locale, context),
          ...(hook ? { codeHook: hook } : {}),
        };
        locales.set(locale.LocaleId, {
          bundle,
          engine: new DialogEngine(bundle),
          idleSessionTtlSeconds: bot.definition.IdleSessionTTLInSeconds,
        });
      }
      this.byId.set(bot.local.BotId, { bot, locales });
      this.idByName.set(bot.definition.Name, bot.local.BotId);
    }
  }

  /** The key with the bot's name replaced by its id, so both address the same sessions. */
  canonicalKey(key: SessionKey): SessionKey {
    return { ...key, botId: this.idByName.get(key.botId) ?? key.botId };
  }

  resolve(key: SessionKey): RegisteredLocale & { alias: BotAlias } {
    const botId = this.idByName.get(key.botId) ?? key.botId;
    const entry = this.byId.get(botId);
    if (!entry) {
      throw new LexServiceError(
        'ResourceNotFoundException',
        `Bot ${key.botId} was not found. Known bots: ${this.describe()}`,
      );
    }
    const aliases = aliasesOf(entry.bot);
    const alias = aliases.find((candidate) => candidate.id === key.botAliasId);
    if (!alias) {
      throw new LexServiceError(
        'ResourceNotFoundException',
        `Alias ${key.botAliasId} of bot ${key.botId} was not found; use ${aliases.map((a) => a.id).join(', ')}`,
      );
    }
    const locale = entry.locales.get(key.localeId);
    if (!locale) {
      throw new LexServiceError(
        'ResourceNotFoundException',
        `Locale ${key.localeId} is not enabled for bot ${key.botId}; available: ${[...entry.locales.keys()].join(', ')}`,
      );
    }
    return { ...locale, alias };
  }

  bots(): { botId: string; name: string; aliasId: string; staffAlias?: BotAlias; locales: string[] }[] {
    return [...this.byId.values()].map(({ bot, locales }) => ({
      botId: bot.local.BotId,
      name: bot.definition.Name,
      aliasId: bot.local.BotAliasId,
      ...(bot.local.StaffAlias
        ? { staffAlias: { id: bot.local.StaffAlias.BotAliasId, name: bot.local.StaffAlias.BotAliasName } }
        : {}),
      locales: [...locales.keys()],
    }));
  }

  private describe(): string {
    return this.bots()
      .map((b) => `${b.name} (${b.botId})`)
      .join(', ');
  }
}

export interface BotAlias {
  id: string;
  name: string;
}

/** Lex's draft alias, the bot's own alias and its staff alias when it has one; sessions are kept per alias. */
function aliasesOf(bot: LoadedBot): BotAlias[] {
  const aliases: BotAlias[] = [
    { id: TEST_ALIAS_ID, name: TEST_ALIAS_NAME },
    { id: bot.local.BotAliasId, name: bot.local.BotAliasName },
  ];
  if (bot.local.StaffAlias) {
    aliases.push({ id: bot.local.StaffAlias.BotAliasId, name: bot.local.StaffAlias.BotAliasName });
  }
  return aliases.filter((alias, index) => aliases.findIndex((a) => a.id === alias.id) === index);
}

/**
 * The emulator's counterpart of a Lambda handler string: `CodeHook.Module` in local.yaml, relative to the
 * repository root. A synchronous require keeps the module system single (CommonJS) and works under tsx and jest.
 */
export function loadCodeHook(bot: LoadedBot): CodeHookBinding {
  const repositoryRoot = path.resolve(bot.directory, '..', '..');
  const modulePath = path.resolve(repositoryRoot, bot.local.CodeHook.Module);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(modulePath) as Record<string, unknown>;
  const fn = loaded[bot.local.CodeHook.Export];
  if (typeof fn !== 'function') {
    throw new Error(
      `${modulePath} does not export a function named ${bot.local.CodeHook.Export} (local.yaml CodeHook)`,
    );
  }
  return {
    fn: fn as LambdaHandler,
    timeoutMs: bot.local.CodeHook.TimeoutSeconds * 1000,
    functionName: `${bot.definition.Name}-code-hook`,
  };
}
