/**
 * The follow-up texts sender against the local stack: the follow-ups table (dynalite), the idempotency table
 * and the End User Messaging SMS stand-in, through the real clients. dynalite has no streams, so each test
 * builds the stream record DynamoDB would deliver from the stored item.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBRecord } from 'aws-lambda';
import { handler } from '../../../functions/follow-ups/handler';
import { toE164 } from '../../../functions/follow-ups/phone-number';
import { textFollowUp } from '../../../functions/follow-ups/send-follow-up-texts';
import type { FollowUp } from '../../../functions/follow-ups/follow-up';
import { dynamoDbFollowUpRepository } from '../../../functions/lex-code-hook/data/follow-ups';
import { useLocalStack } from '../../support/local-stack';

const TABLE = 'parley-followups';
const context = { getRemainingTimeInMillis: () => 30_000, functionName: 'parley-follow-up-texts' } as Context;

describe('texting follow-ups from the table stream', () => {
  const fixture = useLocalStack();
  let documents: DynamoDBDocumentClient;
  let counter = 0;
  beforeAll(() => {
    process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
    documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: fixture.stack.endpoint }));
  });
  afterAll(() => documents.destroy());

  async function stored(
    overrides: Partial<FollowUp> = {},
  ): Promise<{ followUp: FollowUp; record: DynamoDBRecord }> {
    counter += 1;
    const followUp: FollowUp = {
      requestId: `call-${counter}#1`,
      sessionId: `call-${counter}`,
      answerTurn: 1,
      status: 'pending',
      phoneNumber: '5095551212',
      localeId: 'en_US',
      text: 'You can return most items within 30 days with the receipt.',
      createdAt: new Date().toISOString(),
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
      ...overrides,
    };
    await dynamoDbFollowUpRepository(documents, TABLE).requestOnce(followUp);
    const record: DynamoDBRecord = {
      eventID: `event-${counter}`,
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      dynamodb: {
        Keys: marshall({ requestId: followUp.requestId }) as never,
        NewImage: marshall(followUp) as never,
        SequenceNumber: String(1000 + counter),
        StreamViewType: 'NEW_IMAGE',
      },
    };
    return { followUp, record };
  }

  const statusOf = async (requestId: string) =>
    (await documents.send(new GetCommand({ TableName: TABLE, Key: { requestId }, ConsistentRead: true })))
      .Item;

  it('texts a new request once, to the number in E.164, and marks it sent', async () => {
    const { followUp, record } = await stored();
    const before = fixture.stack.sentTexts().length;
    expect(await handler({ Records: [record] }, context)).toEqual({ batchItemFailures: [] });
    const texts = fixture.stack.sentTexts().slice(before);
    expect(texts).toEqual([expect.objectContaining({ to: '+15095551212', body: followUp.text })]);
    expect(await statusOf(followUp.requestId)).toMatchObject({
      status: 'sent',
      messageId: texts[0]?.messageId,
    });

    // The stream delivers records at least once: a replay texts nobody again.
    expect(await handler({ Records: [record] }, context)).toEqual({ batchItemFailures: [] });
    expect(fixture.stack.sentTexts().slice(before)).toHaveLength(1);
  });

  it('marks a number no text can reach, without retrying it, and skips what is not a new request', async () => {
    const { followUp, record } = await stored({ phoneNumber: '12345678901234' });
    const modified: DynamoDBRecord = { ...record, eventName: 'MODIFY' };
    const before = fixture.stack.sentTexts().length;
    expect(await handler({ Records: [record, modified] }, context)).toEqual({ batchItemFailures: [] });
    expect(await statusOf(followUp.requestId)).toMatchObject({ status: 'undeliverable' });
    expect(fixture.stack.sentTexts()).toHaveLength(before);
  });

  it('lets a request that expired unsent lapse instead of texting days late', async () => {
    const { followUp, record } = await stored({ expiresAt: Math.floor(Date.now() / 1000) - 60 });
    const before = fixture.stack.sentTexts().length;
    await handler({ Records: [record] }, context);
    expect(fixture.stack.sentTexts()).toHaveLength(before);
    expect(await statusOf(followUp.requestId)).toMatchObject({ status: 'expired' });
  });

  it('retries a record that failed after the text went out, without texting twice', async () => {
    const { followUp, record } = await stored();
    const sms = new PinpointSMSVoiceV2Client({ endpoint: fixture.stack.endpoint });
    let sends = 0;
    const once = new Map<string, string>();
    const deps = {
      sms,
      documents,
      now: Date.now,
      log: () => undefined,
      once: async (requestId: string, send: () => Promise<string>) => {
        const known = once.get(requestId);
        if (known) return known;
        sends += 1;
        const messageId = await send();
        once.set(requestId, messageId);
        return messageId;
      },
    };
    // The table cannot be updated after the text went out: the record fails and comes back.
    await expect(textFollowUp(record, { ...deps, followUpsTableName: 'parley-missing' })).rejects.toThrow();
    expect(await textFollowUp(record, { ...deps, followUpsTableName: TABLE })).toBe('sent');
    expect(sends).toBe(1);
    expect(await statusOf(followUp.requestId)).toMatchObject({ status: 'sent' });
    sms.destroy();
  });

  it('keeps a long answer within one text, cut after a whole sentence', async () => {
    const sentence = 'Returns are free within 30 days of delivery for most items. ';
    const { record } = await stored({ text: sentence.repeat(40) });
    const before = fixture.stack.sentTexts().length;
    await handler({ Records: [record] }, context);
    const [text] = fixture.stack.sentTexts().slice(before);
    expect(text?.body.length).toBeLessThanOrEqual(1600);
    expect(text?.body).toMatch(/items\.$/);
  });
});

describe('toE164', () => {
  it.each([
    ['5095551212', '+15095551212'],
    ['15095551212', '+15095551212'],
    ['+525512345678', '+525512345678'],
    ['12345', undefined],
    ['+0123456789', undefined],
  ])('%s -> %s', (stored, expected) => {
    expect(toE164(stored)).toBe(expected);
  });
});

describe('"text me the details" on the local stack, end to end', () => {
  const fixture = useLocalStack({ followUpTexts: { pollMs: 50 } });

  it('texts a new request through the deployed sender, fed as the table stream would feed it', async () => {
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: fixture.stack.endpoint }));
    try {
      await dynamoDbFollowUpRepository(documents, TABLE).requestOnce({
        requestId: 'stream-1#1',
        sessionId: 'stream-1',
        answerTurn: 1,
        status: 'pending',
        phoneNumber: '+15095550100',
        localeId: 'en_US',
        text: 'Store pickup is free at every store.',
        createdAt: new Date().toISOString(),
        expiresAt: Math.floor(Date.now() / 1000) + 3600,
      });
      // The sender texts first and marks the request sent after: wait for both, as they land in that order.
      const statusOf = async () =>
        (
          await documents.send(
            new GetCommand({ TableName: TABLE, Key: { requestId: 'stream-1#1' }, ConsistentRead: true }),
          )
        ).Item?.status;
      const deadline = Date.now() + 15_000;
      while ((await statusOf()) !== 'sent' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await statusOf()).toBe('sent');
      expect(fixture.stack.sentTexts().filter((text) => text.to === '+15095550100')).toEqual([
        expect.objectContaining({ body: 'Store pickup is free at every store.' }),
      ]);
    } finally {
      documents.destroy();
    }
  });
});
