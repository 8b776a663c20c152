import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import { parseItem } from '../../shared/stored-item';

export interface PutOnceResult<T> {
  /** What the table holds under the key: the item just put, or the one put before it. */
  stored: T;
  /** False when the table already held an item with this key (a retried invocation, or asking twice). */
  created: boolean;
}

/**
 * Puts `item` unless the table already holds one under its key, and returns what the table holds, so a
 * retried or repeated request gets what the first one stored and adds nothing. An item found there is read
 * consistently and checked against `schema`: another version of the code may have written it.
 */
export async function putOnceElseRead<T extends Record<string, unknown>>(
  client: DynamoDBDocumentClient,
  tableName: string,
  keyName: string,
  item: T,
  schema: z.core.$ZodType<T>,
): Promise<PutOnceResult<T>> {
  try {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(#key)',
        ExpressionAttributeNames: { '#key': keyName },
      }),
    );
    return { stored: item, created: true };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  const key = { [keyName]: item[keyName] };
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
  );
  return { stored: parseItem(schema, Item, tableName, keyLabel(keyName, item)), created: false };
}

/** How an error names the item: `callbackId=cb-123`. */
export function keyLabel(keyName: string, item: Record<string, unknown>): string {
  return `${keyName}=${String(item[keyName])}`;
}
