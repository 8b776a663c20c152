import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { parseItem } from './item-schemas';

/**
 * A request to text a customer the full text of an answer they heard shortened on a call. Storing it is the
 * whole hand-off: the code hook sends no SMS itself. A separate consumer (infrastructure, for example a
 * DynamoDB stream into an SMS sender) picks up `pending` items, sends them and moves them on; `expiresAt` is
 * the table's TTL, so a request nobody sent in time disappears instead of reaching the customer days late.
 */
export const FollowUpSchema = z.looseObject({
  /** `<sessionId>#<turn>`: one request per remembered answer, so a retried or repeated ask adds nothing. */
  requestId: z.string().check(z.minLength(1)),
  sessionId: z.string().check(z.minLength(1)),
  /** The conversation memory turn whose answer is sent. */
  answerTurn: z.int().check(z.positive()),
  /** `pending` when the code hook writes it; the consumer moves it on. */
  status: z.string().check(z.minLength(1)),
  /** Digits with an optional leading "+", as normalizePhoneNumber gives them. */
  phoneNumber: z.string().check(z.regex(/^\+?\d{10,15}$/)),
  localeId: z.string().check(z.minLength(1)),
  text: z.string().check(z.minLength(1)),
  createdAt: z.iso.datetime(),
  /** Epoch seconds. */
  expiresAt: z.int(),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export interface FollowUpRequest {
  followUp: FollowUp;
  /** False when the same answer had already been requested (a retried invocation, or asking twice). */
  created: boolean;
}

export interface FollowUpRepository {
  /** Stores the request unless one for the same answer exists, and returns what is stored. */
  requestOnce(followUp: FollowUp): Promise<FollowUpRequest>;
}

/** `requestId` of the follow-up for one answer of a session. Lex session ids cannot contain "#". */
export function followUpRequestId(sessionId: string, answerTurn: number): string {
  return `${sessionId}#${answerTurn}`;
}

export function dynamoDbFollowUpRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
): FollowUpRepository {
  return {
    async requestOnce(followUp) {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: followUp,
            ConditionExpression: 'attribute_not_exists(requestId)',
          }),
        );
        return { followUp, created: true };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: { requestId: followUp.requestId },
          ConsistentRead: true,
        }),
      );
      const stored = parseItem(FollowUpSchema, Item, tableName, `requestId=${followUp.requestId}`);
      return { followUp: stored, created: false };
    },
  };
}
