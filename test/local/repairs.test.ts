/**
 * Repairs, end to end through the real Lex runtime client: what people do in the middle of a dialog (change
 * their mind, ask something else, correct themselves), in both locales. The sentences here are written for
 * these tests; none comes from the evaluation sets.
 */
import { Conversation, textOf, useLocalStack } from '../support/local-stack';

interface RepairPhrases {
  orderStatusAsk: string;
  passwordAsk: string;
  switchToAgent: string;
  callbackAsk: string;
  asideQuestion: string;
  asideArticle: RegExp;
  unanswerableAside: string;
}

const PHRASES: Record<string, RepairPhrases> = {
  en_US: {
    orderStatusAsk: 'i want to know where my order is',
    passwordAsk: 'i forgot my password',
    switchToAgent: 'no wait, connect me with a representative',
    callbackAsk: 'please call me back',
    asideQuestion: 'oh one thing first, can I pay with PayPal?',
    asideArticle: /PayPal/,
    unanswerableAside: 'what is the meaning of life?',
  },
  es_US: {
    orderStatusAsk: 'quiero saber dónde está mi pedido',
    passwordAsk: 'olvidé mi contraseña',
    switchToAgent: 'no, espere, comuníqueme con un representante',
    callbackAsk: 'por favor llámenme',
    asideQuestion: 'ah, una cosa primero, ¿puedo pagar con PayPal?',
    asideArticle: /PayPal/,
    unanswerableAside: '¿cuál es el sentido de la vida?',
  },
};

const fixture = useLocalStack();
let sessions = 0;

function conversation(localeId: string, requestAttributes?: Record<string, string>): Conversation {
  sessions += 1;
  return new Conversation(fixture.client, localeId, `repair-${localeId}-${sessions}`, requestAttributes);
}

describe.each(Object.keys(PHRASES))('%s repairs', (localeId) => {
  const p = PHRASES[localeId] as RepairPhrases;

  it('switches to another intent asked for while a slot is elicited, as Lex does by default', async () => {
    const c = conversation(localeId);
    expect((await c.say(p.passwordAsk)).sessionState?.dialogAction?.slotToElicit).toBe('Email');
    const switched = await c.say(p.switchToAgent);
    expect(switched.sessionState?.intent).toMatchObject({ name: 'TalkToAgent', state: 'Fulfilled' });
  });

  it('stays in the intent when the request says x-amz-lex:intent-switch DISABLE', async () => {
    const c = conversation(localeId, { 'x-amz-lex:intent-switch': 'DISABLE' });
    await c.say(p.passwordAsk);
    const kept = await c.say(p.switchToAgent);
    expect(kept.sessionState?.intent?.name).toBe('ResetPassword');
    expect(kept.sessionState?.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Email' });
  });

  it('answers a question asked instead of a slot value from the knowledge base', async () => {
    const c = conversation(localeId);
    expect((await c.say(p.callbackAsk)).sessionState?.dialogAction?.slotToElicit).toBe('CallbackDate');
    const aside = await c.say(p.asideQuestion);
    expect(aside.sessionState?.intent).toMatchObject({ name: 'FallbackIntent', state: 'Fulfilled' });
    expect(textOf(aside)).toMatch(p.asideArticle);
    // The callback can be asked for again from the start.
    expect((await c.say(p.callbackAsk)).sessionState?.dialogAction?.slotToElicit).toBe('CallbackDate');
  });

  it('asks for the slot again when the knowledge base has no answer to the aside', async () => {
    const c = conversation(localeId);
    await c.say(p.orderStatusAsk);
    const retry = await c.say(p.unanswerableAside);
    expect(retry.sessionState?.intent?.name).toBe('CheckOrderStatus');
    expect(retry.sessionState?.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'OrderNumber',
    });
  });
});
