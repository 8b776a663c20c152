import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { TABLE_CONTRACTS } from '../../tables';
import { ClockTimeSchema, IsoDateSchema } from './item-schemas';
import { keyLabel, putOnceElseRead } from './put-once';

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
      const keyName = TABLE_CONTRACTS.callbacks.partitionKey;
      const { stored, created } = await putOnceElseRead(client, tableName, keyName, callback, CallbackSchema);
      if (stored.sessionId !== callback.sessionId || stored.requestId !== callback.requestId) {
        throw new CallbackIdCollisionError(
          `${keyLabel(keyName, callback)} in table ${tableName} belongs to another request`,
        );
      }
      return { callback: stored, created };
    },
  };
}
