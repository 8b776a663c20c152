import { SendTextMessageCommand, type PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { FollowUpSchema, type FollowUp } from './follow-up';
import { toE164 } from './phone-number';

export interface FollowUpTextDependencies {
  sms: PinpointSMSVoiceV2Client;
  documents: DynamoDBDocumentClient;
  followUpsTableName: string;
  /** A phone number, sender id or pool the account registered; none lets the service choose. */
  originationIdentity?: string;
  /** Runs the send once per follow-up, however often the stream delivers it (Powertools idempotency). */
  once: (requestId: string, send: () => Promise<string>) => Promise<string>;
  now: () => number;
  log: (message: string, details?: Record<string, unknown>) => void;
}

/** What one stream record came to; only `retry` makes the batch report it failed. */
export type FollowUpOutcome = 'sent' | 'skipped' | 'undeliverable';

/**
 * One record of the follow-ups table's stream: a new `pending` request is texted to the customer once, then
 * marked `sent` with the message id. A number that cannot be texted is marked `undeliverable` rather than
 * retried; a failure of the SMS service or the table throws, so the batch reports it and Lambda retries it
 * (then the dead-letter queue keeps it). Records that are not new pending requests are skipped.
 */
export async function textFollowUp(
  record: DynamoDBRecord,
  deps: FollowUpTextDependencies,
): Promise<FollowUpOutcome> {
  if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return 'skipped';
  const image = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>);
  const parsed = FollowUpSchema.safeParse(image);
  if (!parsed.success) {
    deps.log('A follow-up item is not one; skipped', {
      issues: parsed.error.issues.map((issue) => issue.message),
    });
    return 'skipped';
  }
  const followUp = parsed.data;
  if (followUp.status !== 'pending') return 'skipped';
  if (followUp.expiresAt * 1000 <= deps.now())
    return mark(followUp, 'expired', {}, deps).then(() => 'skipped');
  const to = toE164(followUp.phoneNumber);
  if (!to) {
    await mark(followUp, 'undeliverable', { reason: 'not a number an SMS can reach' }, deps);
    return 'undeliverable';
  }
  const messageId = await deps.once(followUp.requestId, async () => {
    const sent = await deps.sms.send(
      new SendTextMessageCommand({
        DestinationPhoneNumber: to,
        MessageBody: smsBody(followUp.text),
        MessageType: 'TRANSACTIONAL',
        ...(deps.originationIdentity ? { OriginationIdentity: deps.originationIdentity } : {}),
      }),
    );
    return sent.MessageId ?? 'unknown';
  });
  await mark(followUp, 'sent', { messageId }, deps);
  return 'sent';
}

/** The service's limit on one (multi-part) text. */
const MAX_SMS_LENGTH = 1600;

/** The answer within one text: cut after the last whole sentence that fits, or at a word. */
function smsBody(text: string): string {
  if (text.length <= MAX_SMS_LENGTH) return text;
  const room = text.slice(0, MAX_SMS_LENGTH - 1);
  const sentenceEnd = Math.max(room.lastIndexOf('. '), room.lastIndexOf('? '), room.lastIndexOf('! '));
  if (sentenceEnd > MAX_SMS_LENGTH / 2) return room.slice(0, sentenceEnd + 1);
  return `${room.slice(0, Math.max(room.lastIndexOf(' '), 1))}…`;
}

/** Moves the request on from `pending`; a request already moved on (a replay) is left as it is. */
async function mark(
  followUp: FollowUp,
  status: 'sent' | 'undeliverable' | 'expired',
  details: Record<string, string>,
  deps: FollowUpTextDependencies,
): Promise<void> {
  const names = Object.keys(details);
  await deps.documents
    .send(
      new UpdateCommand({
        TableName: deps.followUpsTableName,
        Key: { requestId: followUp.requestId },
        UpdateExpression: [
          'SET #status = :status, updatedAt = :at',
          ...names.map((name) => `#${name} = :${name}`),
        ].join(', '),
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: {
          '#status': 'status',
          ...Object.fromEntries(names.map((name) => [`#${name}`, name])),
        },
        ExpressionAttributeValues: {
          ':status': status,
          ':pending': 'pending',
          ':at': new Date(deps.now()).toISOString(),
          ...Object.fromEntries(names.map((name) => [`:${name}`, details[name]])),
        },
      }),
    )
    .catch((error: unknown) => {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    });
}
