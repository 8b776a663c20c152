import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { parseItem } from '../../shared/stored-item';
import { ClockTimeSchema, IsoDateSchema } from './item-schemas';

export const CallbackSchema = z.looseObject({
  callbackId: z.string().check(z.minLength(1)),
  sessionId: z.string().check(z.minLength(1)),
  /** The Lex request that booked it; a retry of that request carries the same id. */
  requestId: z.string().check(z.minLength(1)),
  localeId: z.string().check(z.minLength(1)),
  date: IsoDateSchema,
  time: ClockTimeSchema,
  phoneNumber: z.string().check(z.minLength(1)),
  createdAt: z.iso.datetime(),
  status: z.literal('requested'),
});
export type Callback = z.infer<typeof CallbackSchema>;

export interface CallbackBooking {
  callback: Callback;
  /** False when the same request had already stored it (a retried invocation). */
  created: boolean;
}

/** Two different requests landed on one callback id: astronomically rare, and never silently merged. */
export class CallbackIdCollisionError extends Error {
  override readonly name = 'CallbackIdCollisionError';
}

export interface CallbackRepository {
  /** Stores the callback unless this very request already did, and returns what is stored. */
  bookOnce(callback: Callback): Promise<CallbackBooking>;
}

export function dynamoDbCallbackRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
): CallbackRepository {
  return {
    async bookOnce(callback) {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: callback,
            ConditionExpression: 'attribute_not_exists(callbackId)',
          }),
        );
        return { callback, created: true };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      const key = `callbackId=${callback.callbackId}`;
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: { callbackId: callback.callbackId },
          ConsistentRead: true,
        }),
      );
      const stored = parseItem(CallbackSchema, Item, tableName, key);
      if (stored.sessionId !== callback.sessionId || stored.requestId !== callback.requestId) {
        throw new CallbackIdCollisionError(`${key} in table ${tableName} belongs to another request`);
      }
      return { callback: stored, created: false };
    },
  };
}
