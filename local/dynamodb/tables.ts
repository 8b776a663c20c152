import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { loadConfig, type TableNames } from '../../functions/lex-code-hook/config';
import { TABLE_CONTRACTS, tableNameIn, type TableContract, type TableName } from '../../functions/tables';

/** Partition key (a string) of each table the code hook reads or writes; the infrastructure mirrors these. */
export const TABLE_PARTITION_KEYS: Readonly<Record<keyof TableNames, string>> = {
  orders: TABLE_CONTRACTS.orders.partitionKey,
  stores: TABLE_CONTRACTS.stores.partitionKey,
  callbacks: TABLE_CONTRACTS.callbacks.partitionKey,
  followups: TABLE_CONTRACTS.followups.partitionKey,
};

/**
 * CreateTable input for each table, on-demand billing as in production. The follow-ups table also gets TTL on
 * `expiresAt` (epoch seconds) in the infrastructure; dynalite cannot expire items, and nothing here needs it to.
 */
export function tableDefinitions(names: TableNames): Record<keyof TableNames, CreateTableCommandInput> {
  return {
    orders: createTableInput(names.orders, TABLE_PARTITION_KEYS.orders),
    stores: createTableInput(names.stores, TABLE_PARTITION_KEYS.stores),
    callbacks: createTableInput(names.callbacks, TABLE_PARTITION_KEYS.callbacks),
    followups: createTableInput(names.followups, TABLE_PARTITION_KEYS.followups),
  };
}

function createTableInput(
  tableName: string,
  partitionKey: string,
  sortKey?: string,
): CreateTableCommandInput {
  return {
    TableName: tableName,
    AttributeDefinitions: [
      { AttributeName: partitionKey, AttributeType: 'S' },
      ...(sortKey ? [{ AttributeName: sortKey, AttributeType: 'S' as const }] : []),
    ],
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      ...(sortKey ? [{ AttributeName: sortKey, KeyType: 'RANGE' as const }] : []),
    ],
    BillingMode: 'PAY_PER_REQUEST',
  };
}

/** Partition key of the FAQ owners' knowledge-gaps table (functions/knowledge/gaps.ts). */
export const KNOWLEDGE_GAPS_PARTITION_KEY = TABLE_CONTRACTS.knowledgeGaps.partitionKey;

/**
 * CreateTable input for the knowledge-gaps table, named by KNOWLEDGE_GAPS_TABLE_NAME. Its items carry their
 * expiry in `expiresAt` (epoch seconds) for the infrastructure's TTL setting; readers skip expired items.
 */
export function knowledgeGapsTableDefinition(
  tableName: string = loadConfig(process.env).generative.knowledgeGapsTableName,
): CreateTableCommandInput {
  return createTableInput(tableName, KNOWLEDGE_GAPS_PARTITION_KEY);
}

/** Keys (strings) of the conversation memory's table: a session's turns share `pk`, `sk` numbers them. */
export const CONVERSATIONS_KEYS = {
  partition: TABLE_CONTRACTS.conversations.partitionKey,
  sort: TABLE_CONTRACTS.conversations.sortKey,
} as const;

/**
 * CreateTable input for the conversation memory (functions/memory/), named by CONVERSATIONS_TABLE_NAME. The
 * infrastructure also enables TTL on `expiresAt` (epoch seconds); dynalite cannot, and readers skip expired
 * turns either way.
 */
export function conversationsTableDefinition(
  tableName: string = loadConfig(process.env).generative.conversationsTableName,
): CreateTableCommandInput {
  return createTableInput(tableName, CONVERSATIONS_KEYS.partition, CONVERSATIONS_KEYS.sort);
}

/**
 * CreateTable input for any table of the contract (functions/tables.ts), named by its environment variable or
 * its default: the tables only the channels and the follow-up sender use need nothing more.
 */
export function contractTableDefinition(name: TableName): CreateTableCommandInput {
  const contract: TableContract = TABLE_CONTRACTS[name];
  return createTableInput(tableNameIn(process.env, name), contract.partitionKey, contract.sortKey);
}
