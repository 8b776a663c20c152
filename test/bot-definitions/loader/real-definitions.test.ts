import path from 'node:path';
import { findLocale, loadBots } from '../../../bot-definitions/loader/load';

it("loads the repository's bot-definitions without a single problem", async () => {
  const bots = await loadBots();
  const retail = bots.find((bot) => bot.definition.Name === 'RetailSupportBot');
  expect(retail?.directory).toBe(path.resolve(__dirname, '../../../bot-definitions/RetailSupportBot'));
  expect(retail?.definition.BotLocales.map((locale) => locale.LocaleId)).toEqual(['en_US', 'es_US']);
  expect(findLocale(retail!, 'es_US')?.Intents?.length).toBeGreaterThan(0);
});
