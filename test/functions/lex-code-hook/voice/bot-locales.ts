import { loadBots } from '../../../../bot-definitions/loader/load';
import type { BotLocale } from '../../../../bot-definitions/loader/schema';

/** RetailSupportBot's locales as the loader validates them, for tests that hold the hook to the bot. */
export async function retailBotLocales(): Promise<BotLocale[]> {
  const bots = await loadBots();
  const bot = bots.find((candidate) => candidate.definition.Name === 'RetailSupportBot');
  if (!bot) throw new Error('RetailSupportBot is missing from bot-definitions/');
  return bot.definition.BotLocales;
}
