import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { TableNames } from '../../functions/lex-code-hook/config';

/** Partition key (a string) of each table the code hook reads or writes; the infrastructure mirrors these. */
export const TABLE_PARTITION_KEYS: Readonly<Record<keyof TableNames, string>> = {
  orders: 'orderNumber',
  stores: 'storeId',
  callbacks: 'callbackId',
};

/** CreateTable input for each table, on-demand billing as in production. */
export function tableDefinitions(names: TableNames): Record<keyof TableNames, CreateTableCommandInput> {
  return {
    orders: createTableInput(names.orders, TABLE_PARTITION_KEYS.orders),
    stores: createTableInput(names.stores, TABLE_PARTITION_KEYS.stores),
    callbacks: createTableInput(names.callbacks, TABLE_PARTITION_KEYS.callbacks),
  };
}

function createTableInput(tableName: string, partitionKey: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    AttributeDefinitions: [{ AttributeName: partitionKey, AttributeType: 'S' }],
    KeySchema: [{ AttributeName: partitionKey, KeyType: 'HASH' }],
    BillingMode: 'PAY_PER_REQUEST',
  };
}
