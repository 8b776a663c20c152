import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { TABLE_CONTRACTS, tableNameIn, type TableContract, type TableName } from '../../functions/tables';

/** Every table of the contract, in its order: the local stack creates them all, as the infrastructure does. */
export const TABLE_NAMES = Object.keys(TABLE_CONTRACTS) as TableName[];

/**
 * CreateTable input for a table of the contract (functions/tables.ts): its string keys and on-demand billing,
 * as in production, named by its environment variable or its default unless given a name. TTL stays with
 * the infrastructure: dynalite cannot expire items, and every reader skips expired ones anyway.
 */
export function tableDefinition(
  table: TableName,
  tableName: string = tableNameIn(process.env, table),
): CreateTableCommandInput {
  const { partitionKey, sortKey }: TableContract = TABLE_CONTRACTS[table];
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
