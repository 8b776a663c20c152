/**
 * End-to-end conversations: the real Lex V2 runtime client (h2c) against the offline stack, which runs
 * bot-definitions/ and the real code hook with dynalite behind it. One scripted dialog per intent and locale.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { Conversation, textOf, useLocalStack } from '../support/local-stack';

interface Phrasebook {
  orderStatusAsk: string;
  orderStatusWithNumber: (n: string) => string;
  notANumber: string;
  storeHours: string;
  storeHoursAirport: string;
  resetPassword: string;
  yes: string;
  no: string;
  callback: string;
  tomorrow: string;
  threePm: string;
  agent: string;
  outOfDomain: string;
  goodbye: string;
  goodbyeReply: string;
  thanksThenOrder: string;
  greeting: string;
}

const PHRASES: Record<string, Phrasebook> = {
  en_US: {
    orderStatusAsk: 'where is my order',
    orderStatusWithNumber: (n) => `where is order ${n}`,
    notANumber: 'banana',
    storeHours: 'what are your store hours',
    storeHoursAirport: 'what are the hours of the airport store',
    resetPassword: 'I need to reset my password',
    yes: 'yes please',
    no: 'no',
    callback: 'can someone call me back',
    tomorrow: 'tomorrow',
    threePm: '3pm',
    agent: 'I want to talk to a human',
    outOfDomain: 'tell me a joke about penguins',
    goodbye: "no thanks, that's all",
    goodbyeReply: 'Glad I could help. Bye!',
    thanksThenOrder: 'thanks, and where is my order',
    greeting: 'hi there',
  },
  es_US: {
    orderStatusAsk: 'dónde está mi pedido',
    orderStatusWithNumber: (n) => `dónde está el pedido ${n}`,
    notANumber: 'plátano',
    storeHours: 'cuál es el horario de la tienda',
    storeHoursAirport: 'a qué hora abre la sucursal del aeropuerto',
    resetPassword: 'necesito restablecer mi contraseña',
    yes: 'sí',
    no: 'no',
    callback: 'quiero que me llamen',
    tomorrow: 'mañana',
    threePm: 'a las 3 de la tarde',
    agent: 'quiero hablar con una persona',
    outOfDomain: 'cuéntame un chiste de pingüinos',
    goodbye: 'eso es todo, gracias',
    goodbyeReply: 'Me alegra haberle ayudado. ¡Hasta luego!',
    thanksThenOrder: 'gracias, y dónde está mi pedido',
    greeting: 'hola, buenas tardes',
  },
};

const fixture = useLocalStack();
let sessionCounter = 0;

function conversation(localeId: string, requestAttributes?: Record<string, string>): Conversation {
  sessionCounter += 1;
  return new Conversation(fixture.client, localeId, `conv-${localeId}-${sessionCounter}`, requestAttributes);
}

describe.each(Object.keys(PHRASES))('%s conversations through the SDK', (localeId) => {
  const p = PHRASES[localeId] as Phrasebook;

  it('Welcome: a greeting gets what the bot can do, not a knowledge-base miss', async () => {
    const reply = await conversation(localeId).say(p.greeting);
    expect(reply.sessionState?.intent).toMatchObject({ name: 'Welcome', state: 'Fulfilled' });
    expect(textOf(reply)).toMatch(localeId === 'en_US' ? /order.*password/ : /pedido.*contraseña/);
  });

  it('CheckOrderStatus: elicits the order number, then answers from DynamoDB', async () => {
    const c = conversation(localeId);
    const first = await c.say(p.orderStatusAsk);
    expect(first.sessionState?.intent?.name).toBe('CheckOrderStatus');
    expect(first.sessionState?.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'OrderNumber',
    });
    expect(first.interpretations?.[0]?.nluConfidence?.score).toBeGreaterThanOrEqual(0.4);

    const second = await c.say('10001');
    expect(second.sessionState?.dialogAction?.type).toBe('Close');
    expect(second.sessionState?.intent).toMatchObject({ name: 'CheckOrderStatus', state: 'Fulfilled' });
    expect(second.sessionState?.intent?.slots?.OrderNumber?.value?.interpretedValue).toBe('10001');
    expect(textOf(second)).toMatch(/10001/);
  });

  it('CheckOrderStatus: takes the slot from the first utterance', async () => {
    const reply = await conversation(localeId).say(p.orderStatusWithNumber('10002'));
    expect(reply.sessionState?.intent).toMatchObject({ name: 'CheckOrderStatus', state: 'Fulfilled' });
    expect(reply.sessionState?.intent?.slots?.OrderNumber?.value?.interpretedValue).toBe('10002');
  });

  it('CheckOrderStatus: the code hook re-elicits a malformed number with a hint', async () => {
    const c = conversation(localeId);
    await c.say(p.orderStatusAsk);
    const reply = await c.say('12');
    expect(reply.sessionState?.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'OrderNumber',
    });
    expect(textOf(reply)).toMatch(/10001|5/);
  });

  it('CheckOrderStatus: unrecognised answers are retried, then FallbackIntent takes over', async () => {
    const c = conversation(localeId);
    await c.say(p.orderStatusAsk);
    const retry1 = await c.say(p.notANumber);
    expect(retry1.sessionState?.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'OrderNumber',
    });
    const retry2 = await c.say(p.notANumber);
    expect(retry2.sessionState?.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'OrderNumber',
    });
    const failed = await c.say(p.notANumber);
    expect(failed.sessionState?.intent?.name).toBe('FallbackIntent');
    expect(failed.sessionState?.dialogAction?.type).toBe('Close');
    expect(textOf(failed).length).toBeGreaterThan(0);
  });

  it('StoreHours: answers without the optional location, and for one store', async () => {
    const all = await conversation(localeId).say(p.storeHours);
    expect(all.sessionState?.intent).toMatchObject({ name: 'StoreHours', state: 'Fulfilled' });
    const airport = await conversation(localeId).say(p.storeHoursAirport);
    expect(airport.sessionState?.intent?.name).toBe('StoreHours');
    expect(airport.sessionState?.intent?.slots?.Location?.value?.interpretedValue).toBe('Airport');
    expect(airport.sessionState?.intent?.state).toBe('Fulfilled');
  });

  it('ResetPassword: confirmation yes masks the address', async () => {
    const c = conversation(localeId);
    const ask = await c.say(p.resetPassword);
    expect(ask.sessionState?.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Email' });
    const confirm = await c.say('john.smith@example.com');
    expect(confirm.sessionState?.dialogAction?.type).toBe('ConfirmIntent');
    expect(textOf(confirm)).toContain('john.smith@example.com');
    const done = await c.say(p.yes);
    expect(done.sessionState?.intent).toMatchObject({ state: 'Fulfilled', confirmationState: 'Confirmed' });
    expect(textOf(done)).not.toContain('john.smith@example.com');
    expect(textOf(done)).toMatch(/j\*+/);
  });

  it('ResetPassword: confirmation no plays the declination', async () => {
    const c = conversation(localeId);
    await c.say(p.resetPassword);
    await c.say('ana@example.org');
    const declined = await c.say(p.no);
    expect(declined.sessionState?.intent).toMatchObject({ state: 'Failed', confirmationState: 'Denied' });
    expect(declined.sessionState?.dialogAction?.type).toBe('Close');
    expect(textOf(declined).length).toBeGreaterThan(0);
  });

  it('BookCallback: three slots, confirmation, and a stored request', async () => {
    const c = conversation(localeId);
    const date = await c.say(p.callback);
    expect(date.sessionState?.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'CallbackDate',
    });
    const time = await c.say(p.tomorrow);
    expect(time.sessionState?.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'CallbackTime',
    });
    const phone = await c.say(p.threePm);
    expect(phone.sessionState?.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'PhoneNumber',
    });
    expect(phone.sessionState?.intent?.slots?.CallbackTime?.value?.interpretedValue).toBe('15:00');
    const confirm = await c.say('555 123 4567');
    expect(confirm.sessionState?.dialogAction?.type).toBe('ConfirmIntent');
    const done = await c.say(p.yes);
    expect(done.sessionState?.intent).toMatchObject({ name: 'BookCallback', state: 'Fulfilled' });

    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: fixture.stack.endpoint }));
    const stored = await documents.send(new ScanCommand({ TableName: 'parley-callbacks' }));
    documents.destroy();
    expect(stored.Items?.some((item) => item.sessionId === c.sessionId)).toBe(true);
  });

  it('TalkToAgent: closes with the handoff marker the channels act on', async () => {
    const reply = await conversation(localeId).say(p.agent);
    expect(reply.sessionState?.intent).toMatchObject({ name: 'TalkToAgent', state: 'Fulfilled' });
    expect(reply.sessionState?.sessionAttributes?.['parley:handoff']).toBe('agent');
  });

  it('EndConversation: says goodbye in a chat, which it does not end', async () => {
    const reply = await conversation(localeId).say(p.goodbye);
    expect(reply.sessionState?.intent).toMatchObject({ name: 'EndConversation', state: 'Fulfilled' });
    expect(reply.sessionState?.dialogAction?.type).toBe('Close');
    expect(textOf(reply)).toBe(p.goodbyeReply);
    expect(reply.sessionState?.sessionAttributes ?? {}).not.toHaveProperty('parley:endCall');
  });

  it('EndConversation: a thank-you inside another request is that request', async () => {
    const reply = await conversation(localeId).say(p.thanksThenOrder);
    expect(reply.sessionState?.intent?.name).toBe('CheckOrderStatus');
  });

  it('FallbackIntent: answers honestly when nothing matches', async () => {
    const reply = await conversation(localeId).say(p.outOfDomain);
    expect(reply.interpretations?.[0]?.intent?.name).toBe('FallbackIntent');
    expect(reply.interpretations?.[0]?.nluConfidence).toBeUndefined();
    expect(reply.sessionState?.intent?.name).toBe('FallbackIntent');
    expect(reply.sessionState?.dialogAction?.type).toBe('Close');
    expect(textOf(reply).length).toBeGreaterThan(0);
  });

  it('keeps session attributes and request attributes across turns', async () => {
    const c = conversation(localeId, { channel: 'test' });
    const reply = await c.say(p.orderStatusAsk);
    expect(reply.requestAttributes).toEqual({ channel: 'test' });
    expect(reply.sessionId).toBe(c.sessionId);
  });
});

describe('Spanish store names through the SDK', () => {
  it.each([
    ['horario de la tienda del centro', 'Downtown', 'Centro, en 120 Main Street'],
    [
      'horario del centro comercial riverside',
      'Riverside Mall',
      'Centro Comercial Riverside, en 500 Riverside Drive',
    ],
    [
      'a qué hora abre la plaza riverside',
      'Riverside Mall',
      'Centro Comercial Riverside, en 500 Riverside Drive',
    ],
  ])('"%s" is %s, answered with its Spanish name', async (said, canonical, named) => {
    const reply = await conversation('es_US').say(said);
    expect(reply.sessionState?.intent?.slots?.Location?.value?.interpretedValue).toBe(canonical);
    expect(textOf(reply)).toContain(`Horario de nuestra tienda ${named}`);
  });
});
