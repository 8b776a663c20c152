import { GetCommand, paginateScan, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { ClockTimeSchema, parseItem } from './item-schemas';

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
const DayHoursSchema = z.object({ opens: ClockTimeSchema, closes: ClockTimeSchema }).nullable();
export type DayHours = z.infer<typeof DayHoursSchema>;

export const StoreSchema = z.looseObject({
  storeId: z.string().min(1),
  /** The canonical value of the StoreLocation slot type, e.g. "Riverside Mall". */
  name: z.string().min(1),
  address: z.string().min(1),
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
