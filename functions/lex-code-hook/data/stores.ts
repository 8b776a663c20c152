import { GetCommand, paginateScan, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { parseItem } from '../../shared/stored-item';
import { ClockTimeSchema } from './item-schemas';

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** null: closed all day. */
const DayHoursSchema = z.nullable(z.object({ opens: ClockTimeSchema, closes: ClockTimeSchema }));
export type DayHours = z.infer<typeof DayHoursSchema>;

/** A Lex locale id: `es_US`, `en_GB`, `es_419`. */
const LocaleIdSchema = z
  .string()
  .check(z.regex(/^[a-z]{2}_(?:[A-Z]{2}|\d{3})$/, { message: 'must be a Lex locale id like es_US' }));

export const StoreSchema = z.looseObject({
  storeId: z.string().check(z.minLength(1)),
  /**
   * The canonical value of the StoreLocation slot type, e.g. "Riverside Mall"; also what the store is called
   * in a locale with no name of its own in `localizedNames`.
   */
  name: z.string().check(z.minLength(1)),
  /**
   * The name customers of a locale are told, by Lex locale id: `{ es_US: 'Centro Comercial Riverside' }`.
   * Only what is said changes; the slot value and the store id stay `name`'s.
   */
  localizedNames: z.optional(z.record(LocaleIdSchema, z.string().check(z.trim(), z.minLength(1)))),
  address: z.string().check(z.minLength(1)),
  /**
   * The address in a locale's words where it has words to translate (`{ es_US: 'Terminal B, nivel de
   * salidas' }`); a street address is said as it is written, so most stores have none.
   */
  localizedAddresses: z.optional(z.record(LocaleIdSchema, z.string().check(z.trim(), z.minLength(1)))),
  hours: z.object({
    monday: DayHoursSchema,
    tuesday: DayHoursSchema,
    wednesday: DayHoursSchema,
    thursday: DayHoursSchema,
    friday: DayHoursSchema,
    saturday: DayHoursSchema,
    sunday: DayHoursSchema,
  }),
});
export type Store = z.infer<typeof StoreSchema>;

/** Store ids are slugs of the slot type's canonical values: "Riverside Mall" is `riverside-mall`. */
export function storeIdFor(canonicalName: string): string {
  return canonicalName.trim().toLowerCase().replace(/\s+/g, '-');
}

/** The store's name in `localeId`, or its canonical name when the store has none for that locale. */
export function storeNameIn(store: Store, localeId: string): string {
  const names = store.localizedNames;
  return names !== undefined && Object.hasOwn(names, localeId) ? (names[localeId] ?? store.name) : store.name;
}

/** The store's address in `localeId`'s words, or as written when it has none for that locale. */
export function storeAddressIn(store: Store, localeId: string): string {
  const addresses = store.localizedAddresses;
  return addresses !== undefined && Object.hasOwn(addresses, localeId)
    ? (addresses[localeId] ?? store.address)
    : store.address;
}

export interface StoreRepository {
  findStore(storeId: string): Promise<Store | undefined>;
  listStores(): Promise<Store[]>;
}

export function dynamoDbStoreRepository(client: DynamoDBDocumentClient, tableName: string): StoreRepository {
  return {
    async findStore(storeId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: { storeId } }));
      return Item === undefined ? undefined : parseItem(StoreSchema, Item, tableName, `storeId=${storeId}`);
    },
    async listStores() {
      const stores: Store[] = [];
      for await (const page of paginateScan({ client }, { TableName: tableName })) {
        for (const item of page.Items ?? []) {
          stores.push(parseItem(StoreSchema, item, tableName, `storeId=${String(item.storeId)}`));
        }
      }
      return stores;
    },
  };
}
