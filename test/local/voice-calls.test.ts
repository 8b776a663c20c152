/**
 * Phone calls end to end: the emulator's dialog engine with speech and keypad input, the real code hook, and
 * DynamoDB, the knowledge index and the Converse stand-in from the local stack. These turns enter the Lex
 * runtime directly, right behind the HTTP layer, with the input mode a call would have and exact words, so the
 * dialog behaviours are tested apart from speech recognition; test/local/call/call-loop.test.ts drives real
 * audio through the wire.
 */
import { copyFile, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { loadBots } from '../../bot-definitions/loader/load';
import { BotRegistry } from '../../local/lex/runtime/bot-registry';
import { LocalLexRuntime } from '../../local/lex/runtime/local-lex-runtime';
import { MemorySessionStore } from '../../local/lex/runtime/session-store';
import type { InputMode, RecognizeResult } from '../../local/lex/runtime/types';
import { toPlainSpeechText } from '../../functions/voice/ssml';
import { startTestStack } from '../support/local-stack';
import type { LocalStack } from '../../local/stack';

const CALLER = '+15095551212';
const INTERRUPT = 'x-amz-lex:allow-interrupt:*:*';

/**
 * A help article as they are written: a two-sentence `voice` line for the phone, and a longer article, which
 * is what a caller who asks for the details gets.
 */
const RETURNS_ARTICLE = `---
id: return-policy
title: What is your return policy?
locale: en_US
audience: public
tags: [returns]
voice: Returns are free within 30 days at any store or by mail. Refunds reach your card in 5 days.
---

Returns are free within **30 days** of purchase. Bring your receipt or order number.

## By mail

Start a return under **My orders** to get a prepaid label.

## Refunds

Refunds reach your card within 5 business days after we receive the item. Gift returns get store credit.
`;

const RETURNS_ARTICLE_ES = `---
id: return-policy
title: ¿Cuál es su política de devoluciones?
locale: es_US
audience: public
tags: [returns]
voice: Las devoluciones son gratis durante 30 días. Traiga su recibo a cualquier tienda. El reembolso llega a su tarjeta en 5 días. Los regalos se devuelven con crédito de tienda.
---

Las devoluciones son gratis durante 30 días en cualquier tienda o por correo.
`;

/** Our published privacy article, whose details give the customer an address to write to. */
const PRIVACY_ARTICLE = path.join(__dirname, '../../knowledge/en_US/account-privacy.md');
const PRIVACY_ADDRESS = 'privacy@retailsupport.example';

let knowledgeDir: string;
let stack: LocalStack;
let runtime: LocalLexRuntime;
let documents: DynamoDBDocumentClient;

beforeAll(async () => {
  knowledgeDir = await mkdtemp(path.join(os.tmpdir(), 'parley-voice-knowledge-'));
  await mkdir(path.join(knowledgeDir, 'en_US'));
  await mkdir(path.join(knowledgeDir, 'es_US'));
  await writeFile(path.join(knowledgeDir, 'en_US', 'return-policy.md'), RETURNS_ARTICLE);
  await writeFile(path.join(knowledgeDir, 'es_US', 'return-policy.md'), RETURNS_ARTICLE_ES);
  await copyFile(PRIVACY_ARTICLE, path.join(knowledgeDir, 'en_US', 'account-privacy.md'));
  stack = await startTestStack({ knowledgeDir });
  runtime = new LocalLexRuntime({
    registry: new BotRegistry(await loadBots(), { now: () => new Date() }),
    store: new MemorySessionStore(),
  });
  documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.endpoint }));
});
afterAll(async () => {
  documents.destroy();
  await stack.close();
  await rm(knowledgeDir, { recursive: true, force: true });
});

let sessionCounter = 0;

/** The words of a spoken reply, without the SSML around them. */
const heardIn = (reply: RecognizeResult): string =>
  reply.messages.map((message) => toPlainSpeechText(message.content ?? '')).join(' ');

/** One phone call: every turn is speech unless said otherwise, with the attributes the contact flow sets. */
function phoneCall(localeId = 'en_US') {
  sessionCounter += 1;
  const key = {
    botId: 'RetailSupportBot',
    botAliasId: 'TSTALIASID',
    localeId,
    sessionId: `call-${sessionCounter}`,
  };
  let first = true;
  return {
    sessionId: key.sessionId,
    async say(
      text: string,
      inputMode: InputMode = 'Speech',
      transcriptionConfidence?: number,
    ): Promise<RecognizeResult> {
      const sessionState = first ? { sessionAttributes: { customerPhoneNumber: CALLER } } : undefined;
      first = false;
      return runtime.recognize(key, {
        text,
        inputMode,
        ...(transcriptionConfidence === undefined ? {} : { transcriptionConfidence }),
        responseContentType: 'text/plain; charset=utf-8',
        ...(sessionState ? { sessionState } : {}),
      });
    },
  };
}

const contentOf = (reply: RecognizeResult): string =>
  reply.messages.map((message) => message.content ?? '').join(' ');
const attributesOf = (reply: RecognizeResult): Record<string, string> =>
  reply.sessionState.sessionAttributes ?? {};

describe('a caller who says nothing', () => {
  it('is asked again twice, then told goodbye, and the flow is asked to hang up', async () => {
    const call = phoneCall();
    const first = await call.say('');
    expect(first.sessionState.dialogAction?.type).toBe('ElicitIntent');
    expect(first.messages).toEqual([
      {
        contentType: 'SSML',
        content:
          '<speak><s>Sorry, I didn&apos;t hear anything.</s><break time="300ms"/><s>How can I help?</s></speak>',
      },
    ]);
    const second = await call.say('  ');
    expect(attributesOf(second)['parley:silentTurns']).toBe('2');
    const third = await call.say('');
    expect(third.sessionState.dialogAction?.type).toBe('Close');
    expect(contentOf(third)).toContain('Goodbye.');
    expect(attributesOf(third)).toMatchObject({
      customerPhoneNumber: CALLER,
      'parley:silentTurns': '3',
      'parley:endCall': 'true',
    });
  });

  it('hears the question about the order number again, and can then key it in', async () => {
    const call = phoneCall();
    const asked = await call.say('where is my order');
    expect(asked.sessionState.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'OrderNumber',
    });
    expect(attributesOf(asked)).toMatchObject({
      'x-amz-lex:dtmf:max-length:CheckOrderStatus:OrderNumber': '5',
      'x-amz-lex:audio:end-timeout-ms:CheckOrderStatus:OrderNumber': '2000',
    });
    const silent = await call.say('', 'DTMF');
    expect(silent.sessionState.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'OrderNumber',
    });
    expect(contentOf(silent)).toBe(
      '<speak><s>Sorry, I didn&apos;t hear anything.</s><break time="300ms"/>' +
        '<s>What&apos;s your order number?</s><break time="300ms"/>' +
        '<s>It&apos;s the 5-digit number in your confirmation email.</s></speak>',
    );
    expect(attributesOf(silent)['parley:silentTurns']).toBe('1');
    // A slip corrected with "*", and a sixth key after the five-digit limit this hook set: Lex takes 10004.
    const keyed = await call.say('1000*100049#', 'DTMF');
    expect(keyed.sessionState.intent).toMatchObject({ name: 'CheckOrderStatus', state: 'Fulfilled' });
    expect(contentOf(keyed)).toContain('<say-as interpret-as="digits">10004</say-as>');
    expect(attributesOf(keyed)[INTERRUPT]).toBe('false');
    expect(attributesOf(keyed)).not.toHaveProperty('parley:silentTurns');
  });
});

describe('a long answer on a call', () => {
  it('is heard in its short form with an offer, and the whole article is texted on request', async () => {
    const call = phoneCall();
    const answer = await call.say('what is your return policy?');
    expect(answer.sessionState.intent?.name).toBe('FallbackIntent');
    expect(contentOf(answer)).toBe(
      '<speak><s>Returns are free within 30 days at any store or by mail.</s><break time="300ms"/>' +
        '<s>Refunds reach your card in 5 days.</s><break time="300ms"/>' +
        '<s>I can text you the full details: just say &quot;text me the details&quot;.</s></speak>',
    );

    const readBack = await call.say('text me the details');
    expect(readBack.sessionState.intent?.name).toBe('SendAnswerDetails');
    expect(readBack.sessionState.dialogAction?.type).toBe('ConfirmIntent');
    expect(contentOf(readBack)).toContain('<say-as interpret-as="telephone">(509) 555-1212</say-as>');
    expect(attributesOf(readBack)[INTERRUPT]).toBe('false');

    const done = await call.say('yes');
    expect(done.sessionState.intent).toMatchObject({ name: 'SendAnswerDetails', state: 'Fulfilled' });
    expect(contentOf(done)).toContain('Message and data rates may apply.');
    const { Items } = await documents.send(new ScanCommand({ TableName: 'parley-followups' }));
    const followUps = Items?.filter((item) => item.sessionId === call.sessionId) ?? [];
    expect(followUps).toEqual([
      expect.objectContaining({ status: 'pending', phoneNumber: CALLER, localeId: 'en_US' }),
    ]);
    const texted = String(followUps[0]?.text);
    const spokenAnswer = heardIn(answer);
    expect(texted).toBe(
      'Returns are free within 30 days of purchase. Bring your receipt or order number.\n\n' +
        'By mail\n\nStart a return under My orders to get a prepaid label.\n\n' +
        'Refunds\n\nRefunds reach your card within 5 business days after we receive the item. ' +
        'Gift returns get store credit.',
    );
    expect(texted.length).toBeGreaterThan(spokenAnswer.length);
    expect(spokenAnswer).not.toContain('Gift returns get store credit.');
  });

  it("texts our own article's contact address as written, though the memory redacts personal data", async () => {
    const call = phoneCall();
    const answer = await call.say('do you sell my data?');
    expect(heardIn(answer)).toContain('We never sell your personal information');
    await call.say('text me the details');
    const done = await call.say('yes');
    expect(done.sessionState.intent).toMatchObject({ name: 'SendAnswerDetails', state: 'Fulfilled' });
    const { Items } = await documents.send(new ScanCommand({ TableName: 'parley-followups' }));
    const followUps = Items?.filter((item) => item.sessionId === call.sessionId) ?? [];
    expect(followUps).toHaveLength(1);
    expect(String(followUps[0]?.text)).toContain(`or by writing to ${PRIVACY_ADDRESS}.`);
    expect(String(followUps[0]?.text)).not.toContain('[email]');
  });

  it('cuts a voice line longer than two sentences, and texts the article', async () => {
    const call = phoneCall('es_US');
    const answer = await call.say('¿cuál es su política de devoluciones?');
    expect(heardIn(answer)).toBe(
      'Las devoluciones son gratis durante 30 días. Traiga su recibo a cualquier tienda. ' +
        'Puedo enviarle los detalles completos por mensaje de texto: solo diga "mándeme los detalles por mensaje".',
    );
    await call.say('mándeme los detalles por mensaje');
    await call.say('sí');
    const { Items } = await documents.send(new ScanCommand({ TableName: 'parley-followups' }));
    expect(Items?.filter((item) => item.sessionId === call.sessionId)).toEqual([
      expect.objectContaining({
        text: 'Las devoluciones son gratis durante 30 días en cualquier tienda o por correo.',
      }),
    ]);
  });

  it('in Spanish, takes another number when the caller id is not the one', async () => {
    const call = phoneCall('es_US');
    const answer = await call.say('¿cuál es su política de devoluciones?');
    expect(contentOf(answer)).toContain('&quot;mándeme los detalles por mensaje&quot;');
    const readBack = await call.say('mándeme los detalles por mensaje');
    expect(readBack.sessionState.intent?.name).toBe('SendAnswerDetails');
    expect(contentOf(readBack)).toContain('(509) 555-1212');
    const asked = await call.say('no');
    expect(asked.sessionState.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'PhoneNumber',
    });
    expect(contentOf(asked)).toBe('<speak><s>¿A qué número de teléfono le envío los detalles?</s></speak>');
    const other = await call.say('5095550000', 'DTMF');
    expect(other.sessionState.dialogAction?.type).toBe('ConfirmIntent');
    expect(contentOf(other)).toContain('<say-as interpret-as="telephone">(509) 555-0000</say-as>');
    const done = await call.say('sí');
    expect(done.sessionState.intent).toMatchObject({ name: 'SendAnswerDetails', state: 'Fulfilled' });
    const { Items } = await documents.send(new ScanCommand({ TableName: 'parley-followups' }));
    expect(Items?.filter((item) => item.sessionId === call.sessionId)).toEqual([
      expect.objectContaining({ phoneNumber: '5095550000', localeId: 'es_US' }),
    ]);
  });

  it('says so politely when asked for details before any answer', async () => {
    const reply = await phoneCall().say('text me the details');
    expect(reply.sessionState.intent).toMatchObject({ name: 'SendAnswerDetails', state: 'Fulfilled' });
    expect(contentOf(reply)).toContain('I don&apos;t have an answer from this conversation to send you yet.');
  });
});

describe('a caller heard unclearly', () => {
  it('is asked again instead of acted on: the pending question, or what they need', async () => {
    const call = phoneCall();
    await call.say('can someone call me back');
    const unclear = await call.say('no', 'Speech', 0.2);
    expect(unclear.sessionState.intent?.name).toBe('BookCallback');
    expect(unclear.sessionState.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'CallbackDate',
    });
    expect(heardIn(unclear)).toBe("Sorry, I didn't catch that. What day would you like us to call you?");
    expect(attributesOf(unclear)).not.toHaveProperty('parley:endCall');
    const opening = await phoneCall().say('goodbye', 'Speech', 0.3);
    expect(opening.sessionState.dialogAction?.type).toBe('ElicitIntent');
    expect(heardIn(opening)).toMatch(/^Sorry, I didn't catch that\./);
    expect(attributesOf(opening)).not.toHaveProperty('parley:endCall');
  });

  it('is acted on when heard clearly enough', async () => {
    const reply = await phoneCall().say('where is my order', 'Speech', 0.9);
    expect(reply.sessionState.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'OrderNumber',
    });
  });
});

describe('a caller who is done', () => {
  it('says goodbye after an answer: the bot says goodbye and asks the contact flow to hang up', async () => {
    const call = phoneCall();
    await call.say('what is your return policy?');
    const bye = await call.say("no, that's all, thanks");
    expect(bye.sessionState.intent).toMatchObject({ name: 'EndConversation', state: 'Fulfilled' });
    expect(bye.sessionState.dialogAction?.type).toBe('Close');
    expect(heardIn(bye)).toBe('Thanks for calling. Goodbye!');
    expect(attributesOf(bye)).toMatchObject({ customerPhoneNumber: CALLER, 'parley:endCall': 'true' });
  });

  it('in Spanish', async () => {
    const bye = await phoneCall('es_US').say('no, eso es todo, gracias');
    expect(bye.sessionState.intent).toMatchObject({ name: 'EndConversation', state: 'Fulfilled' });
    expect(heardIn(bye)).toBe('Gracias por llamar. ¡Hasta luego!');
    expect(attributesOf(bye)['parley:endCall']).toBe('true');
  });

  it('can still answer a read-back with a plain "no", which is not a goodbye', async () => {
    const call = phoneCall();
    await call.say('what is your return policy?');
    const readBack = await call.say('text me the details');
    expect(readBack.sessionState.dialogAction?.type).toBe('ConfirmIntent');
    const denied = await call.say('no');
    expect(denied.sessionState.intent?.name).toBe('SendAnswerDetails');
    expect(denied.sessionState.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'PhoneNumber',
    });
    expect(attributesOf(denied)).not.toHaveProperty('parley:endCall');
  });

  it('is asked the slot question again after a lone "no" to it, which never hangs up', async () => {
    const call = phoneCall();
    await call.say('can someone call me back');
    const misheard = await call.say('no');
    expect(misheard.sessionState.intent?.name).toBe('BookCallback');
    expect(misheard.sessionState.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'CallbackDate',
    });
    expect(heardIn(misheard)).toBe("Sorry, I didn't catch that. What day would you like us to call you?");
    expect(attributesOf(misheard)).not.toHaveProperty('parley:endCall');
    const dated = await call.say('tomorrow');
    expect(dated.sessionState.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'CallbackTime',
    });
  });

  it('goes on after "no" to the offer of a person, and says goodbye to the "no" after that', async () => {
    const call = phoneCall();
    await call.say('what is your return policy?');
    const offered = await call.say("that didn't help");
    expect(heardIn(offered)).toMatch(/connect you with a person/);
    const declined = await call.say('no thanks');
    expect(heardIn(declined)).toBe('All right. Is there anything else I can help you with?');
    expect(attributesOf(declined)).not.toHaveProperty('parley:endCall');
    expect(attributesOf(await call.say('no'))['parley:endCall']).toBe('true');
  });

  it('is heard asking for something else when a thank-you comes first', async () => {
    const reply = await phoneCall().say('thanks, where is my order');
    expect(reply.sessionState.intent?.name).toBe('CheckOrderStatus');
    expect(attributesOf(reply)).not.toHaveProperty('parley:endCall');
  });
});
