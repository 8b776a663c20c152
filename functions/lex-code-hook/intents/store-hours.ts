import { storeIdFor, type Store, type StoreRepository } from '../data/stores';
import { formatList } from '../formatting';
import type { MessageCatalogue } from '../messages';
import { close } from '../responses';
import { interpretedValue } from '../slots';
import type { IntentHandler } from './intent-handler';
import { describeWeek } from './store-schedule';

const LOCATION = 'Location';

export const storeHours: IntentHandler = {
  async fulfil({ intent, sessionAttributes, messages, deps }) {
    const location = interpretedValue(intent, LOCATION);
    const answer = location
      ? await hoursOfOneStore(location, deps.stores, messages)
      : await hoursOfAllStores(deps.stores, messages);
    return close(intent, 'Fulfilled', answer, sessionAttributes);
  },
};

async function hoursOfOneStore(
  location: string,
  stores: StoreRepository,
  messages: MessageCatalogue,
): Promise<string> {
  const store = await stores.findStore(storeIdFor(location));
  if (store) {
    return messages.stores.oneStore({
      name: messages.stores.displayName(store.name),
      address: store.address,
      schedule: describeWeek(store.hours, messages),
    });
  }
  const known = byName(await stores.listStores());
  if (known.length === 0) return messages.stores.noStores;
  const names = known.map((other) => messages.stores.displayName(other.name));
  return messages.stores.unknownStore(formatList(names, messages.intlLocale));
}

async function hoursOfAllStores(stores: StoreRepository, messages: MessageCatalogue): Promise<string> {
  const all = byName(await stores.listStores());
  if (all.length === 0) return messages.stores.noStores;
  return messages.stores.allStores(
    all.map((store) => ({
      name: messages.stores.displayName(store.name),
      schedule: describeWeek(store.hours, messages),
    })),
  );
}

function byName(stores: Store[]): Store[] {
  return [...stores].sort((a, b) => a.name.localeCompare(b.name));
}
