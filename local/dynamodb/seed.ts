import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { loadConfig, type TableNames } from '../../functions/lex-code-hook/config';
import type { Store } from '../../functions/lex-code-hook/data/stores';
import { TABLE_CONTRACTS, type TableContract, type TableName } from '../../functions/tables';
import { SEED_STORES, seedOrders } from './seed-data';
import { TABLE_NAMES, tableDefinition } from './tables';

export interface EnsureTablesOptions {
  /** Defaults to the names the code hook reads from the same environment. */
  tableNames?: TableNames;
  /** Seeding time, epoch ms; order dates are relative to it. */
  now?: number;
  storeTimeZone?: string;
  /**
   * Turn on TTL where the contract has it (the default), as a deployment does. Off for tests whose clock is
   * pinned in the past: an engine that expires items would delete what they write within seconds.
   */
  timeToLive?: boolean;
}

export interface EnsureTablesResult {
  createdTables: string[];
  insertedItems: number;
}

/**
 * Creates every table of the contract (functions/tables.ts) that is missing, named as the code hook and the
 * channels name them from the same environment, turns on TTL where the contract has it and the engine can,
 * and seeds the demo orders and stores. Safe to run on every start: existing tables are kept, and a seed item
 * is only written where no item with its key exists, so data changed while testing survives a restart.
 */
export async function ensureTables(
  client: DynamoDBClient,
  options: EnsureTablesOptions = {},
): Promise<EnsureTablesResult> {
  const config = loadConfig(process.env);
  const tableNames = options.tableNames ?? config.tableNames;
  const storeTimeZone = options.storeTimeZone ?? config.storeTimeZone;
  const named: Partial<Record<TableName, string>> = tableNames;
  const definitions = TABLE_NAMES.map((table) => [table, tableDefinition(table, named[table])] as const);
  const createdTables: string[] = [];
  for (const [name, definition] of definitions) {
    const tableName = definition.TableName ?? '';
    if (await createIfMissing(client, definition)) createdTables.push(tableName);
    await waitUntilTableExists(
      { client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 },
      { TableName: tableName },
    );
    const ttlAttribute = (TABLE_CONTRACTS[name] as TableContract).ttlAttribute;
    if (ttlAttribute && options.timeToLive !== false) await enableTtl(client, tableName, ttlAttribute);
  }

  const insertedItems = await seedSampleData(
    DynamoDBDocumentClient.from(client),
    { orders: tableNames.orders, stores: tableNames.stores },
    { now: options.now ?? Date.now(), storeTimeZone },
  );
  return { createdTables, insertedItems };
}

/**
 * Puts the sample orders (dated around `now`) and stores into the two tables, leaving any item that is
 * already there alone; returns how many it added. The local stack and `npm run seed` (a deployment) share it.
 * The one exception: a sample store seeded before stores had `localizedNames` (or `localizedAddresses`), still
 * under its sample name (and address) and with none, gets the sample's, so Spanish callers hear its Spanish
 * name and address without wiping the data folder.
 */
export async function seedSampleData(
  documents: DynamoDBDocumentClient,
  tables: { orders: string; stores: string },
  options: { now: number; storeTimeZone: string },
): Promise<number> {
  let insertedItems = 0;
  for (const order of seedOrders(options.now, options.storeTimeZone)) {
    if (await putIfAbsent(documents, tables.orders, TABLE_CONTRACTS.orders.partitionKey, order))
      insertedItems += 1;
  }
  for (const store of SEED_STORES) {
    if (await putIfAbsent(documents, tables.stores, TABLE_CONTRACTS.stores.partitionKey, store))
      insertedItems += 1;
    else await addMissingLocalizedNames(documents, tables.stores, store);
  }
  return insertedItems;
}

/**
 * Sets the sample's `localizedNames` on an existing store item that has the sample's name and none of its own,
 * and its `localizedAddresses` on one that also has the sample's address: a translation fits only what it
 * translates.
 */
async function addMissingLocalizedNames(
  documents: DynamoDBDocumentClient,
  tableName: string,
  store: Store,
): Promise<void> {
  const translations = [
    { field: 'localizedNames', value: store.localizedNames, sameAs: ['name'] },
    { field: 'localizedAddresses', value: store.localizedAddresses, sameAs: ['name', 'address'] },
  ] as const;
  for (const { field, value, sameAs } of translations) {
    if (value === undefined) continue;
    try {
      await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { [TABLE_CONTRACTS.stores.partitionKey]: store.storeId },
          UpdateExpression: 'SET #field = :value',
          ConditionExpression: [
            'attribute_exists(#key) AND attribute_not_exists(#field)',
            ...sameAs.map((name) => `#${name} = :${name}`),
          ].join(' AND '),
          ExpressionAttributeNames: {
            '#key': TABLE_CONTRACTS.stores.partitionKey,
            '#field': field,
            ...Object.fromEntries(sameAs.map((name) => [`#${name}`, name])),
          },
          ExpressionAttributeValues: {
            ':value': value,
            ...Object.fromEntries(sameAs.map((name) => [`:${name}`, store[name]])),
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}

async function createIfMissing(
  client: DynamoDBClient,
  definition: CreateTableCommandInput,
): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: definition.TableName }));
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  try {
    await client.send(new CreateTableCommand(definition));
    return true;
  } catch (error) {
    // Another process created it between our look and our create: the table is there, which is the goal.
    if (error instanceof ResourceInUseException) return false;
    throw error;
  }
}

/**
 * TTL on the contract's attribute, as the infrastructure sets it. dynalite has no TTL API (it answers
 * UnknownOperationException) and never expires items; Parley's readers skip expired items either way.
 */
async function enableTtl(client: DynamoDBClient, tableName: string, attributeName: string): Promise<void> {
  try {
    const { TimeToLiveDescription } = await client.send(
      new DescribeTimeToLiveCommand({ TableName: tableName }),
    );
    const status = TimeToLiveDescription?.TimeToLiveStatus;
    if (status === 'ENABLED' || status === 'ENABLING') return;
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: attributeName, Enabled: true },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'UnknownOperationException') throw error;
  }
}

async function putIfAbsent(
  documents: DynamoDBDocumentClient,
  tableName: string,
  partitionKey: string,
  item: object,
): Promise<boolean> {
  try {
    await documents.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...item },
        ConditionExpression: 'attribute_not_exists(#key)',
        ExpressionAttributeNames: { '#key': partitionKey },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
