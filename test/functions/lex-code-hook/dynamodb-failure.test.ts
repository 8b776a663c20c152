import { ConditionalCheckFailedException, InternalServerError } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { CodeHookHandler } from '../../../functions/lex-code-hook/handler';
import { lexEvent, slot } from './events';
import { loadHandlerModule } from './hook-fixture';
import { resultProblems, textOf } from './result-rules';

const dynamo = mockClient(DynamoDBDocumentClient);
let handler: CodeHookHandler;
const logged: string[] = [];

beforeAll(async () => {
  jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => logged.push(String(chunk)) > 0);
  jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => logged.push(String(chunk)) > 0);
  const hook = loadHandlerModule();
  handler = hook.createHandler({
    clock: () => Date.parse('2026-03-10T15:00:00Z'),
    storeTimeZone: 'America/New_York',
  });
});
beforeEach(() => {
  dynamo.reset();
  logged.splice(0);
});
afterAll(() => {
  dynamo.restore();
  jest.restoreAllMocks();
});

const unavailable = () => new InternalServerError({ message: 'DynamoDB is unavailable', $metadata: {} });
const bookingSlots = {
  CallbackDate: slot('2026-03-12'),
  CallbackTime: slot('14:30'),
  PhoneNumber: slot('+15095551212'),
};

describe('when DynamoDB fails', () => {
  it.each([
    [
      'CheckOrderStatus',
      { OrderNumber: slot('10001') },
      'en_US',
      "I'm sorry, something went wrong on my side",
    ],
    ['StoreHours', {}, 'en_US', "I'm sorry, something went wrong on my side"],
    ['StoreHours', { Location: slot('Downtown') }, 'es_US', 'Lo siento, algo falló de nuestro lado'],
    ['BookCallback', bookingSlots, 'en_US', "I'm sorry, something went wrong on my side"],
  ])('%s closes as Failed with an apology that offers an agent', async (intent, slots, localeId, apology) => {
    dynamo.on(GetCommand).rejects(unavailable());
    dynamo.on(ScanCommand).rejects(unavailable());
    dynamo.on(PutCommand).rejects(unavailable());
    const result = await handler(lexEvent({ intent, slots, localeId, confirmationState: 'Confirmed' }));
    expect(result.sessionState.dialogAction.type).toBe('Close');
    expect(result.sessionState.intent?.state).toBe('Failed');
    expect(textOf(result)).toContain(apology);
    expect(textOf(result)).toMatch(/agent|agente/);
    expect(resultProblems(result)).toEqual([]);
    expect(logged.join('')).toContain('DynamoDB is unavailable');
  });

  it('never books over another request that landed on the same callback id', async () => {
    dynamo.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));
    dynamo.on(GetCommand).resolves({
      Item: {
        callbackId: 'CB-00000000',
        sessionId: 'someone-else',
        requestId: 'their-request',
        localeId: 'en_US',
        date: '2026-03-12',
        time: '10:00',
        phoneNumber: '+15550000000',
        createdAt: '2026-03-01T10:00:00.000Z',
        status: 'requested',
      },
    });
    const result = await handler(
      lexEvent({ intent: 'BookCallback', slots: bookingSlots, confirmationState: 'Confirmed' }),
    );
    expect(result.sessionState.intent?.state).toBe('Failed');
    expect(logged.join('')).toContain('CallbackIdCollisionError');
  });
});
