/**
 * Personal data end to end: a customer who spells out an email address and says a phone number, through the
 * real SDK client, the Lex emulator, the code hook, the Converse stand-in and DynamoDB (dynalite), and what
 * is kept afterwards: conversation memory, the turn log on disk and the console's view of the turn.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TurnLogEntry } from '../../local/lex/runtime/turn-log';
import type { LocalStack } from '../../local/stack';
import { Conversation, lexClient, startTestStack } from '../support/local-stack';

/** Everything that would identify the customer, in any case. */
const IDENTIFYING =
  /jorge|ramirez|\bana\b|perez|gmail|correo punto mx|five five five|four five six|cinco cinco|setenta y ocho/i;

let dataDir: string;
let stack: LocalStack;
let client: ReturnType<typeof lexClient>;
let documents: DynamoDBDocumentClient;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'parley-personal-data-'));
  stack = await startTestStack({ dataDir });
  client = lexClient(stack);
  documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.endpoint }));
});
afterAll(async () => {
  documents.destroy();
  client.destroy();
  await stack.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function remembered(sessionId: string): Promise<Record<string, unknown>[]> {
  const { Items } = await documents.send(
    new QueryCommand({
      TableName: 'parley-conversations',
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `S#${sessionId}` },
    }),
  );
  return Items ?? [];
}

async function loggedTurns(sessionId: string): Promise<TurnLogEntry[]> {
  const lines = (await readFile(path.join(dataDir, 'logs', 'turns.jsonl'), 'utf8')).trim().split('\n');
  return lines
    .map((line) => JSON.parse(line) as TurnLogEntry)
    .filter((entry) => entry.sessionId === sessionId);
}

describe('a customer who spells out an email address and says a phone number', () => {
  it.each([
    [
      'en_US',
      'can I pay with paypal? my email is jorge dot ramirez at gmail dot com, call me on five five five, one two three, four five six seven',
      'can I pay with paypal? my email is [email], call me on [phone]',
    ],
    [
      'es_US',
      '¿aceptan paypal? mi correo es ana punto perez arroba correo punto mx y mi número es cinco cinco, doce, treinta y cuatro, cincuenta y seis, setenta y ocho',
      '¿aceptan paypal? mi correo es [email] y mi número es [phone]',
    ],
  ])(
    '%s: memory and the turn log keep the question, not the address or the number',
    async (localeId, said, kept) => {
      const sessionId = `personal-data-${localeId}`;
      const reply = await new Conversation(client, localeId, sessionId).say(said);
      expect(reply.sessionState?.intent?.name).toBe('FallbackIntent');

      const [turn, ...more] = await remembered(sessionId);
      expect(more).toEqual([]);
      expect(turn?.user).toBe(kept);
      expect(JSON.stringify(turn)).not.toMatch(IDENTIFYING);

      const logged = await loggedTurns(sessionId);
      expect(logged.map((entry) => entry.inputTranscript)).toEqual([kept]);
      expect(JSON.stringify(logged)).not.toMatch(IDENTIFYING);
    },
  );

  it('keeps an address said for a slot out of the turn log and the console', async () => {
    const sessionId = 'personal-data-reset';
    const conversation = new Conversation(client, 'en_US', sessionId);
    await conversation.say('reset my password');
    const reply = await conversation.say('jorge dot ramirez at gmail dot com');
    expect(reply.sessionState?.intent).toMatchObject({
      name: 'ResetPassword',
      slots: { Email: { value: { interpretedValue: 'jorge.ramirez@gmail.com' } } },
    });

    const logged = await loggedTurns(sessionId);
    expect(logged.at(-1)).toMatchObject({ inputTranscript: '[email]', slots: { Email: '[email]' } });
    expect(JSON.stringify(logged)).not.toMatch(IDENTIFYING);

    const response = await fetch(`${stack.endpoint}/console/api/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        sessionId: 'personal-data-console',
        localeId: 'en_US',
        channel: 'web',
        alias: 'public',
        text: 'reset the password for ana underscore perez at correo dot mx',
      }),
    });
    const { trace } = (await response.json()) as { trace: TurnLogEntry };
    expect(trace).toMatchObject({ inputTranscript: 'reset the password for [email]' });
    expect(JSON.stringify(trace)).not.toMatch(IDENTIFYING);
  });
});
