import { storeIdFor, storeNameIn, type Store, type StoreRepository } from '../data/stores';
import { formatList } from '../formatting';
import type { MessageCatalogue } from '../messages';
import { close } from '../responses';
import { interpretedValue } from '../slots';
import type { IntentHandler } from './intent-handler';
import { describeWeek } from './store-schedule';

const LOCATION = 'Location';

/** The customer's locale: the names stores are called, and the catalogue the sentences come from. */
interface Audience {
  localeId: string;
  messages: MessageCatalogue;
}

export const storeHours: IntentHandler = {
  async fulfil({ event, intent, sessionAttributes, messages, deps }) {
    const audience = { localeId: event.bot.localeId, messages };
    const location = interpretedValue(intent, LOCATION);
    const answer = location
      ? await hoursOfOneStore(location, deps.stores, audience)
      : await hoursOfAllStores(deps.stores, audience);
    return close(intent, 'Fulfilled', answer, sessionAttributes);
  },
};

async function hoursOfOneStore(
  location: string,
  stores: StoreRepository,
  audience: Audience,
): Promise<string> {
  const { localeId, messages } = audience;
  const store = await stores.findStore(storeIdFor(location));
  if (store) {
    return messages.stores.oneStore({
      name: storeNameIn(store, localeId),
      address: store.address,
      schedule: describeWeek(store.hours, messages),
    });
  }
  const known = named(await stores.listStores(), audience);
  if (known.length === 0) return messages.stores.noStores;
  const names = known.map(({ name }) => name);
  return messages.stores.unknownStore(formatList(names, messages.intlLocale));
}

async function hoursOfAllStores(stores: StoreRepository, audience: Audience): Promise<string> {
  const { messages } = audience;
  const all = named(await stores.listStores(), audience);
  if (all.length === 0) return messages.stores.noStores;
  return messages.stores.allStores(
    all.map(({ name, store }) => ({ name, schedule: describeWeek(store.hours, messages) })),
  );
}

/** Each store with the name its audience knows it by, in that language's alphabetical order. */
function named(stores: Store[], { localeId, messages }: Audience): { name: string; store: Store }[] {
  return stores
    .map((store) => ({ name: storeNameIn(store, localeId), store }))
    .sort((a, b) => a.name.localeCompare(b.name, messages.intlLocale));
}
