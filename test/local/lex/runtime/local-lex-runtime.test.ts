/**
 * The emulator's session API, error mapping and code hook contract, through the real SDK client and plain
 * HTTP/1.1 against the whole local stack.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteSessionCommand, GetSessionCommand, PutSessionCommand } from '@aws-sdk/client-lex-runtime-v2';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '../../../../local/stack';
import type { LambdaHandler } from '../../../../local/lambda/invoke';
import type { TurnLogEntry } from '../../../../local/lex/runtime/turn-log';
import {
  ALIAS_ID,
  BOT_ID,
  Conversation,
  http1,
  lexClient,
  localClientConfig,
  sessionPath,
  startTestStack,
  textOf,
  useLocalStack,
} from '../../../support/local-stack';

describe('session operations', () => {
  const fixture = useLocalStack();
  const key = (sessionId: string) => ({ botId: BOT_ID, botAliasId: ALIAS_ID, localeId: 'en_US', sessionId });

  it('GetSession returns the last turn; DeleteSession removes it; both 404 afterwards', async () => {
    await new Conversation(fixture.client, 'en_US', 'sess-1').say('where is my order');
    const got = await fixture.client.send(new GetSessionCommand(key('sess-1')));
    expect(got.sessionState?.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'OrderNumber' });
    expect(got.messages?.length).toBeGreaterThan(0);
    const deleted = await fixture.client.send(new DeleteSessionCommand(key('sess-1')));
    expect(deleted).toMatchObject({
      botId: BOT_ID,
      botAliasId: ALIAS_ID,
      localeId: 'en_US',
      sessionId: 'sess-1',
    });
    await expect(fixture.client.send(new GetSessionCommand(key('sess-1')))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await expect(fixture.client.send(new DeleteSessionCommand(key('sess-1')))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('PutSession sets state that the next RecognizeText continues from', async () => {
    const put = await fixture.client.send(
      new PutSessionCommand({
        ...key('sess-2'),
        sessionState: {
          sessionAttributes: { customerTier: 'gold' },
          dialogAction: { type: 'ElicitSlot', slotToElicit: 'OrderNumber' },
          intent: { name: 'CheckOrderStatus', state: 'InProgress', confirmationState: 'None' },
        },
      }),
    );
    expect(put.sessionId).toBe('sess-2');
    const reply = await new Conversation(fixture.client, 'en_US', 'sess-2').say('10003');
    expect(reply.sessionState?.intent).toMatchObject({ name: 'CheckOrderStatus', state: 'Fulfilled' });
    expect(reply.sessionState?.sessionAttributes?.customerTier).toBe('gold');
  });

  it('PutSession with an intent the locale does not have is a ValidationException', async () => {
    await expect(
      fixture.client.send(
        new PutSessionCommand({ ...key('sess-3'), sessionState: { intent: { name: 'OrderPizza' } } }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('accepts the bot id as well as the bot name, and the configured alias as well as TSTALIASID', async () => {
    const bot = fixture.stack.bots[0];
    expect(bot).toBeDefined();
    const response = await http1(
      fixture.stack,
      'POST',
      `/bots/${bot?.botId}/botAliases/${bot?.aliasId}/botLocales/en_US/sessions/by-id/text`,
      JSON.stringify({ text: 'where is my order' }),
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).sessionState.intent.name).toBe('CheckOrderStatus');
  });
});

describe('bad input gets the AWS error and the server keeps serving', () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  const cases: [string, string, string | undefined, Record<string, string> | undefined, number, string][] = [
    [
      'unknown bot',
      `/bots/NoSuchBot1/botAliases/${ALIAS_ID}/botLocales/en_US/sessions/s1/text`,
      '{"text":"hi"}',
      undefined,
      404,
      'ResourceNotFoundException',
    ],
    [
      'unknown alias',
      `/bots/${BOT_ID}/botAliases/NOSUCHALIA/botLocales/en_US/sessions/s1/text`,
      '{"text":"hi"}',
      undefined,
      404,
      'ResourceNotFoundException',
    ],
    [
      'unknown locale',
      sessionPath('fr_FR', 's1') + '/text',
      '{"text":"bonjour"}',
      undefined,
      404,
      'ResourceNotFoundException',
    ],
    [
      'text over 1024 characters',
      sessionPath('en_US', 's1') + '/text',
      JSON.stringify({ text: 'a'.repeat(1025) }),
      undefined,
      400,
      'ValidationException',
    ],
    [
      'empty text',
      sessionPath('en_US', 's1') + '/text',
      '{"text":""}',
      undefined,
      400,
      'ValidationException',
    ],
    [
      'malformed JSON',
      sessionPath('en_US', 's1') + '/text',
      '{"text": "hi"',
      undefined,
      400,
      'ValidationException',
    ],
    [
      'wrong content type',
      sessionPath('en_US', 's1') + '/text',
      '{"text":"hi"}',
      { 'content-type': 'text/xml' },
      400,
      'ValidationException',
    ],
    [
      'session id with bad characters',
      sessionPath('en_US', 'bad id!') + '/text',
      '{"text":"hi"}',
      undefined,
      400,
      'ValidationException',
    ],
  ];

  it.each(cases)('%s', async (_name, requestPath, body, headers, status, errorType) => {
    const response = await http1(stack, 'POST', requestPath.replace(' ', '%20'), body, headers);
    expect(response.status).toBe(status);
    expect(String(response.headers['x-amzn-errortype'])).toContain(errorType);
    expect(JSON.parse(response.body).message).toEqual(expect.any(String));
    const healthy = await http1(
      stack,
      'POST',
      sessionPath('en_US', 'after-error') + '/text',
      '{"text":"where is my order"}',
    );
    expect(healthy.status).toBe(200);
  });

  it('a multi-turn dialog works over plain HTTP/1.1', async () => {
    const first = await http1(
      stack,
      'POST',
      sessionPath('es_US', 'h1-es') + '/text',
      JSON.stringify({ text: 'dónde está mi pedido' }),
    );
    expect(JSON.parse(first.body).sessionState.dialogAction.slotToElicit).toBe('OrderNumber');
    const second = await http1(
      stack,
      'POST',
      sessionPath('es_US', 'h1-es') + '/text',
      JSON.stringify({ text: 'es el 10003' }),
    );
    expect(JSON.parse(second.body).sessionState.intent).toMatchObject({
      name: 'CheckOrderStatus',
      state: 'Fulfilled',
    });
  });
});

describe('code hook failures become DependencyFailedException', () => {
  async function stackWithHook(fn: LambdaHandler, timeoutMs = 2000): Promise<LocalStack> {
    return startTestStack({ codeHook: () => ({ fn, timeoutMs, functionName: 'test-hook' }) });
  }

  async function expectDependencyFailure(fn: LambdaHandler, timeoutMs?: number): Promise<void> {
    const stack = await stackWithHook(fn, timeoutMs);
    const client = lexClient(stack);
    try {
      await expect(
        new Conversation(client, 'en_US', 'hook-1').say('where is my order'),
      ).rejects.toMatchObject({
        name: 'DependencyFailedException',
        $metadata: { httpStatusCode: 424 },
      });
      const again = await new Conversation(client, 'en_US', 'hook-2')
        .say('where is my order')
        .catch((e: Error) => e);
      expect(again).toBeInstanceOf(Error);
    } finally {
      client.destroy();
      await stack.close();
    }
  }

  it('a hook that throws', () =>
    expectDependencyFailure(() => {
      throw new Error('boom');
    }));

  it('a hook that returns no dialogAction', () =>
    expectDependencyFailure(async () => ({ sessionState: {} })));

  it('a hook that elicits a slot the intent does not have', () =>
    expectDependencyFailure(async () => ({
      sessionState: {
        dialogAction: { type: 'ElicitSlot', slotToElicit: 'Nope' },
        intent: { name: 'CheckOrderStatus', state: 'InProgress' },
      },
    })));

  it('a hook slower than its timeout', () =>
    expectDependencyFailure(() => new Promise((resolve) => setTimeout(() => resolve({}), 500)), 50));

  it('a hook response that is valid is honoured, including its messages and attributes', async () => {
    const stack = await stackWithHook(async () => ({
      sessionState: {
        dialogAction: { type: 'Close' },
        intent: { name: 'CheckOrderStatus', state: 'Fulfilled' },
        sessionAttributes: { seen: 'yes' },
      },
      messages: [{ contentType: 'PlainText', content: 'From the hook.' }],
    }));
    const client = lexClient(stack);
    try {
      const reply = await new Conversation(client, 'en_US', 'hook-3').say('where is my order');
      expect(textOf(reply)).toBe('From the hook.');
      expect(reply.sessionState?.sessionAttributes).toEqual({ seen: 'yes' });
      expect(reply.sessionState?.intent?.state).toBe('Fulfilled');
    } finally {
      client.destroy();
      await stack.close();
    }
  });
});

describe('session lifetime', () => {
  it('a session idle past IdleSessionTTLInSeconds starts over', async () => {
    let now = Date.parse('2026-11-27T15:00:00Z');
    const stack = await startTestStack({ now: () => new Date(now) });
    const client = lexClient(stack);
    try {
      const c = new Conversation(client, 'en_US', 'ttl-1');
      await c.say('where is my order');
      now += 301_000;
      await expect(
        client.send(
          new GetSessionCommand({
            botId: BOT_ID,
            botAliasId: ALIAS_ID,
            localeId: 'en_US',
            sessionId: 'ttl-1',
          }),
        ),
      ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
      const reply = await c.say('10001');
      expect(reply.sessionState?.intent?.name).not.toBe('CheckOrderStatus');
    } finally {
      client.destroy();
      await stack.close();
    }
  });

  it('a restart of the stack on the same data dir keeps sessions mid-dialog and the tables', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'parley-restart-'));
    try {
      const first = await startTestStack({ dataDir });
      const client1 = lexClient(first);
      await new Conversation(client1, 'en_US', 'restart-1').say('where is my order');
      client1.destroy();
      await first.close();

      const second = await startTestStack({ dataDir });
      const client2 = lexClient(second);
      try {
        const reply = await new Conversation(client2, 'en_US', 'restart-1').say('10001');
        expect(reply.sessionState?.intent).toMatchObject({ name: 'CheckOrderStatus', state: 'Fulfilled' });
      } finally {
        client2.destroy();
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('concurrent turns on one session', () => {
  it('are refused with ConflictException while one runs, as in Lex V2, and a client that retries loses none and doubles none', async () => {
    const entries: TurnLogEntry[] = [];
    const stack = await startTestStack({ turnLog: (entry) => entries.push(entry) });
    const client = lexClient(stack);
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(stack.endpoint)));
    try {
      const c = new Conversation(client, 'en_US', 'concurrent-1');
      const questions = [
        'do you ship to Canada?',
        'can I pay with paypal?',
        'do gift cards expire?',
        'what is your return policy?',
        'do you price match?',
        'can I change my delivery address?',
      ];
      const firstTries = await Promise.allSettled(questions.map((question) => c.say(question)));
      const refused = firstTries.flatMap((outcome, index) =>
        outcome.status === 'rejected'
          ? [{ question: questions[index] as string, error: outcome.reason as Error }]
          : [],
      );
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.length).toBeLessThan(questions.length);
      for (const { error } of refused) {
        expect(error).toMatchObject({ name: 'ConflictException', $metadata: { httpStatusCode: 409 } });
        expect(error.message).toMatch(/already handling a request/);
      }
      // What a client does with a conflict: send the same message again, one at a time.
      for (const { question } of refused) await c.say(question);

      const turns = entries.filter((entry) => entry.sessionId === 'concurrent-1');
      expect(turns.filter((entry) => !entry.error)).toHaveLength(questions.length);
      const remembered = await documents.send(
        new QueryCommand({
          TableName: 'parley-conversations',
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': 'S#concurrent-1' },
        }),
      );
      const said = (remembered.Items ?? []).map((item) => String(item.user));
      expect([...said].sort()).toEqual([...questions].sort());
      expect(new Set((remembered.Items ?? []).map((item) => String(item.sk))).size).toBe(questions.length);
    } finally {
      documents.destroy();
      client.destroy();
      await stack.close();
    }
  });

  it('lets GetSession read the saved state while a turn runs', async () => {
    const stack = await startTestStack();
    const client = lexClient(stack);
    try {
      const c = new Conversation(client, 'en_US', 'concurrent-2');
      await c.say('where is my order');
      const key = { botId: BOT_ID, botAliasId: ALIAS_ID, localeId: 'en_US', sessionId: 'concurrent-2' };
      const [turn, read] = await Promise.all([c.say('10001'), client.send(new GetSessionCommand(key))]);
      expect(turn.sessionState?.intent?.state).toBe('Fulfilled');
      expect(read.sessionState?.intent?.name).toBe('CheckOrderStatus');
    } finally {
      client.destroy();
      await stack.close();
    }
  });
});

describe('confirmation retries with the elicitation code hook', () => {
  it('give an answer that is neither yes nor no to the dialog code hook, then Delegate asks again', async () => {
    const seen: { confirmationState?: string; proposed?: unknown; transcript?: string }[] = [];
    const stack = await startTestStack({
      codeHook: () => ({
        functionName: 'recording-hook',
        timeoutMs: 2000,
        fn: async (event: unknown) => {
          const lex = event as {
            inputTranscript: string;
            proposedNextState?: { dialogAction: unknown; prompt?: unknown };
            sessionState: { intent: { confirmationState: string } };
          };
          seen.push({
            confirmationState: lex.sessionState.intent.confirmationState,
            proposed: lex.proposedNextState && {
              dialogAction: lex.proposedNextState.dialogAction,
              prompt: lex.proposedNextState.prompt,
            },
            transcript: lex.inputTranscript,
          });
          return { sessionState: { dialogAction: { type: 'Delegate' }, intent: lex.sessionState.intent } };
        },
      }),
    });
    const client = lexClient(stack);
    try {
      const c = new Conversation(client, 'en_US', 'confirm-retry');
      await c.say('I forgot my password');
      expect((await c.say('sam@example.com')).sessionState?.dialogAction?.type).toBe('ConfirmIntent');
      seen.length = 0;
      const retried = await c.say('hmm, let me think about it');
      expect(seen).toEqual([
        {
          confirmationState: 'None',
          proposed: { dialogAction: { type: 'ConfirmIntent' }, prompt: { attempt: 'Retry1' } },
          transcript: 'hmm, let me think about it',
        },
      ]);
      expect(retried.sessionState?.dialogAction?.type).toBe('ConfirmIntent');
      expect(textOf(retried)).toContain('sam@example.com');
    } finally {
      client.destroy();
      await stack.close();
    }
  });
});
