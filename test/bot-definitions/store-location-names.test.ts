/**
 * The names the bot tells customers a store is called (the store items' `localizedNames`) must be names a
 * customer can say back: each is a StoreLocation value or synonym of its locale, and resolves to its own store.
 */
import { findLocale, loadBots } from '../../bot-definitions/loader/load';
import type { BotLocale } from '../../bot-definitions/loader/schema';
import { storeNameIn } from '../../functions/lex-code-hook/data/stores';
import { SEED_STORES } from '../../local/dynamodb/seed-data';
import { createSlotTypeResolver } from '../../local/lex/slots';
import type { SlotTypeResolver } from '../../local/lex/slots/types';

let spanish: BotLocale;
let resolver: SlotTypeResolver;
beforeAll(async () => {
  const retail = (await loadBots()).find((bot) => bot.definition.Name === 'RetailSupportBot');
  spanish = findLocale(retail!, 'es_US')!;
  resolver = createSlotTypeResolver('StoreLocation', spanish, { localeId: 'es_US', now: () => new Date() });
});

const normalised = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

describe("es_US StoreLocation and the stores' Spanish names", () => {
  it.each(SEED_STORES.map((store) => [storeNameIn(store, 'es_US'), store.name]))(
    'lists "%s" as a value or synonym of %s',
    (spanishName, canonical) => {
      const slotType = spanish.SlotTypes?.find((type) => type.Name === 'StoreLocation');
      const value = slotType?.SlotTypeValues?.find((entry) => entry.SampleValue.Value === canonical);
      const phrases = [
        value?.SampleValue.Value ?? '',
        ...(value?.Synonyms ?? []).map((synonym) => synonym.Value),
      ];
      expect(phrases.map(normalised)).toContain(normalised(spanishName));
    },
  );

  it.each([
    ...SEED_STORES.map((store) => [storeNameIn(store, 'es_US'), store.name]),
    ['el centro', 'Downtown'],
    ['la tienda del centro', 'Downtown'],
    ['el centro comercial', 'Riverside Mall'],
    ['la del centro comercial riverside', 'Riverside Mall'],
    ['plaza riverside', 'Riverside Mall'],
    ['la del aeropuerto', 'Airport'],
  ])('resolves "%s" to %s (emulator)', (said, canonical) => {
    expect(resolver.resolve(said)?.interpretedValue).toBe(canonical);
  });
});
