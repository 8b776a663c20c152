/**
 * Repairs, end to end through the real Lex runtime client: what people do in the middle of a dialog (change
 * their mind, ask something else, correct themselves), in both locales. The sentences here are written for
 * these tests; none comes from the evaluation sets.
 */
import { readAnswerAttribute } from '../../functions/shared/answer-attribute';
import { Conversation, textOf, useLocalStack } from '../support/local-stack';

interface RepairPhrases {
  tomorrow: string;
  changeToFriday: string;
  /** Said at "shall I book it?": a new day, the same time ("hora" alone would read as opening hours). */
  fridaySameTime: string;
  callbackTime: string;
  sayAgain: string;
  curatedQuestion: string;
  tellMeMore: string;
  articleRest: RegExp;
  unanswerable: string;
  yesPlease: string;
  orderStatusWithNumber: string;
  orderCorrection: string;
  trackingFollowUp: string;
  whenWillItArrive: string;
  northgateHours: string;
  whatAboutSunday: string;
  meantTheMall: string;
  storeOnDay: string;
  orderStatusAsk: string;
  passwordAsk: string;
  switchToAgent: string;
  callbackAsk: string;
  asideQuestion: string;
  asideArticle: RegExp;
  unanswerableAside: string;
  selfCorrectedOrder: string;
  emailGiven: string;
  noNewEmail: string;
  mistypedEmail: string;
  remarkThenBye: string;
  faqReadAsOrder: string;
  faqReadAsOrderArticle: string;
  hoursWhileDateAsked: string;
  /** Matches StoreHours between the threshold and CLEAR_REQUEST_SCORE, with "today" for the date asked. */
  hoursWithStoryWhileDateAsked: string;
  shipToCountry: string;
  shipToCanada: string;
  meantMexico: string;
  mexicoPrice: RegExp;
  whereIsThat: string;
  whereIsThatArticle: string;
  petsQuestion: string;
  petsAtAirport: string;
  airportHours: string;
}

const PHRASES: Record<string, RepairPhrases> = {
  en_US: {
    tomorrow: 'tomorrow',
    changeToFriday: 'actually, make it friday',
    fridaySameTime: 'actually friday, same hour',
    callbackTime: 'at 3 pm',
    sayAgain: 'could you repeat that for me',
    curatedQuestion: 'Do you price match?',
    tellMeMore: 'tell me more',
    articleRest: /marketplace sellers/,
    unanswerable: 'do you sell tickets to the moon?',
    yesPlease: 'yes please',
    orderStatusWithNumber: 'can you look up order 10002',
    orderCorrection: 'sorry, I meant 10001',
    trackingFollowUp: "what's the tracking number on that",
    whenWillItArrive: 'and when will it get here?',
    northgateHours: 'what are the northgate hours',
    whatAboutSunday: 'what about sunday?',
    meantTheMall: 'I meant the mall',
    storeOnDay: 'is the downtown store open on saturday',
    orderStatusAsk: 'i want to know where my order is',
    passwordAsk: 'i forgot my password',
    switchToAgent: 'no wait, connect me with a representative',
    callbackAsk: 'please call me back',
    asideQuestion: 'oh one thing first, can I pay with PayPal?',
    asideArticle: /PayPal/,
    unanswerableAside: 'what is the meaning of life?',
    selfCorrectedOrder: 'it is 10009, no wait, 10003',
    emailGiven: 'sam.lee@exmaple.com',
    noNewEmail: 'no, I spelled it wrong, it is sam.lee@example.com',
    mistypedEmail: 'sorry, I mistyped it: sam.lee@example.com',
    remarkThenBye: "alright, I'll ask my partner about it then. bye",
    faqReadAsOrder: 'can I change the shipping address on an order?',
    faqReadAsOrderArticle: 'order-changes',
    hoursWhileDateAsked: 'hang on, when does the airport store open on sunday',
    hoursWithStoryWhileDateAsked:
      "no, tell me instead how late the airport store is open today, I'm driving past it",
    shipToCountry: 'do you ship to brazil?',
    shipToCanada: 'can you ship to Canada?',
    meantMexico: 'sorry, my mistake, Mexico',
    mexicoPrice: /24\.99/,
    whereIsThat: 'and where would I see that?',
    whereIsThatArticle: 'order-tracking',
    petsQuestion: 'are pets allowed in your shops?',
    petsAtAirport: 'how about the airport store?',
    airportHours: 'and when does the airport store close today?',
  },
  es_US: {
    tomorrow: 'mañana',
    changeToFriday: 'mejor el viernes',
    fridaySameTime: 'no, el viernes a la misma hora',
    callbackTime: 'a las 3 de la tarde',
    sayAgain: '¿me puede repetir eso?',
    curatedQuestion: '¿Igualan precios?',
    tellMeMore: 'más detalles',
    articleRest: /vendedores de mercados en línea/,
    unanswerable: '¿venden boletos a la luna?',
    yesPlease: 'sí, por favor',
    orderStatusWithNumber: 'me puede buscar el pedido 10002',
    orderCorrection: 'perdón, quise decir el 10001',
    trackingFollowUp: '¿me da el número de rastreo?',
    whenWillItArrive: '¿y cuándo me llega?',
    northgateHours: 'cuál es el horario de northgate',
    whatAboutSunday: '¿y el domingo?',
    meantTheMall: 'perdón, la del centro comercial',
    storeOnDay: 'está abierta la tienda del centro el sábado',
    orderStatusAsk: 'quiero saber dónde está mi pedido',
    passwordAsk: 'olvidé mi contraseña',
    switchToAgent: 'no, espere, comuníqueme con un representante',
    callbackAsk: 'por favor llámenme',
    asideQuestion: 'ah, una cosa primero, ¿puedo pagar con PayPal?',
    asideArticle: /PayPal/,
    unanswerableAside: '¿cuál es el sentido de la vida?',
    selfCorrectedOrder: 'es el 10009, no, perdón, el 10003',
    emailGiven: 'sam.lee@exmaple.com',
    noNewEmail: 'no, lo escribí mal, es sam.lee@example.com',
    mistypedEmail: 'perdón, me equivoqué al escribirlo: sam.lee@example.com',
    remarkThenBye: 'bueno, lo platico con mi esposa y luego le llamo. bye',
    faqReadAsOrder: '¿se puede cambiar la dirección de envío de mi pedido?',
    faqReadAsOrderArticle: 'order-changes',
    hoursWhileDateAsked: 'espere, ¿a qué hora abre la tienda del aeropuerto el domingo?',
    hoursWithStoryWhileDateAsked:
      'no, mejor dígame hasta qué hora abre hoy la tienda del aeropuerto, voy a pasar por ahí',
    shipToCountry: '¿envían a Brasil?',
    shipToCanada: '¿pueden enviar a Canadá?',
    meantMexico: 'perdón, me equivoqué, a México',
    mexicoPrice: /24\.99/,
    whereIsThat: '¿y eso dónde lo veo?',
    whereIsThatArticle: 'order-tracking',
    petsQuestion: '¿se permiten mascotas en sus tiendas?',
    petsAtAirport: '¿y qué tal la tienda del aeropuerto?',
    airportHours: '¿y a qué hora cierra hoy la tienda del aeropuerto?',
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

  it('takes a corrected order number right after an answer, and answers about the same order after', async () => {
    const c = conversation(localeId);
    expect(textOf(await c.say(p.orderStatusWithNumber))).toMatch(/10002/);
    const corrected = await c.say(p.orderCorrection);
    expect(corrected.sessionState?.intent).toMatchObject({ name: 'CheckOrderStatus', state: 'Fulfilled' });
    expect(corrected.sessionState?.intent?.slots?.OrderNumber?.value?.interpretedValue).toBe('10001');
    const tracking = await c.say(p.trackingFollowUp);
    expect(tracking.sessionState?.intent?.name).toBe('CheckOrderStatus');
    expect(textOf(tracking)).toMatch(/1Z999AA10123456784/);
    // Asked when it arrives, the bot answers about the order it just looked up, not for a number again.
    const arriving = await c.say(p.whenWillItArrive);
    expect(arriving.sessionState?.intent).toMatchObject({ name: 'CheckOrderStatus', state: 'Fulfilled' });
    expect(textOf(arriving)).toMatch(/10001/);
  });

  it('answers the day asked, and follow-ups keep the store or the day not said again', async () => {
    const c = conversation(localeId);
    expect(textOf(await c.say(p.storeOnDay))).toMatch(
      localeId === 'en_US' ? /Saturday.*10 AM to 8 PM/ : /sábado.*10 a\. ?m\. a 8 p\. ?m\./,
    );
    await c.say(p.northgateHours);
    const sunday = await c.say(p.whatAboutSunday);
    expect(sunday.sessionState?.intent).toMatchObject({ name: 'StoreHours', state: 'Fulfilled' });
    expect(textOf(sunday)).toMatch(
      localeId === 'en_US' ? /Northgate store is closed on Sunday/ : /Northgate está cerrada el domingo/,
    );
    const mall = await c.say(p.meantTheMall);
    expect(mall.sessionState?.intent?.slots?.Location?.value?.interpretedValue).toBe('Riverside Mall');
    expect(textOf(mall)).toMatch(
      localeId === 'en_US' ? /Sunday.*11 AM to 7 PM/ : /domingo.*11 a\. ?m\. a 7 p\. ?m\./,
    );
  });

  it('takes nothing from an earlier answer in a new conversation', async () => {
    const reply = await conversation(localeId).say(p.whatAboutSunday);
    expect(reply.sessionState?.intent?.slots?.Location ?? null).toBeNull();
    expect(textOf(reply)).not.toMatch(/Northgate store is closed|Northgate está cerrada/);
  });

  it('hands off on "yes" to the offer of a person, and only right after the offer', async () => {
    const c = conversation(localeId);
    const declined = await c.say(p.unanswerable);
    expect(declined.sessionState?.intent?.name).toBe('FallbackIntent');
    const accepted = await c.say(p.yesPlease);
    expect(accepted.sessionState?.intent).toMatchObject({ name: 'TalkToAgent', state: 'Fulfilled' });
    expect(accepted.sessionState?.sessionAttributes).toMatchObject({ 'parley:handoff': 'agent' });
    const fresh = await conversation(localeId).say(p.yesPlease);
    expect(fresh.sessionState?.intent?.name).not.toBe('TalkToAgent');
  });

  it('leads a chat with the short answer and shows the whole article on "tell me more"', async () => {
    const c = conversation(localeId);
    const short = await c.say(p.curatedQuestion);
    expect(textOf(short)).not.toMatch(p.articleRest);
    expect(textOf(short)).toMatch(localeId === 'en_US' ? /tell me more/ : /más detalles/);
    const whole = await c.say(p.tellMeMore);
    expect(whole.sessionState?.intent).toMatchObject({ name: 'ShowAnswerDetails', state: 'Fulfilled' });
    expect(textOf(whole)).toMatch(p.articleRest);
  });

  it('says the last reply again, or the question it is waiting on', async () => {
    const c = conversation(localeId);
    const hours = await c.say(p.storeOnDay);
    const again = await c.say(p.sayAgain);
    expect(again.sessionState?.intent).toMatchObject({ name: 'RepeatLastReply', state: 'Fulfilled' });
    expect(textOf(again)).toBe(textOf(hours));
    const c2 = conversation(localeId);
    await c2.say(p.callbackAsk);
    const reasked = await c2.say(p.sayAgain);
    expect(reasked.sessionState?.intent?.name).toBe('BookCallback');
    expect(reasked.sessionState?.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'CallbackDate',
    });
    expect(textOf(reasked)).toMatch(localeId === 'en_US' ? /^What day would you like/ : /^¿Para qué día/);
  });

  it('takes a corrected day while the time is asked, and still asks for the time', async () => {
    const c = conversation(localeId);
    await c.say(p.callbackAsk);
    const dated = await c.say(p.tomorrow);
    expect(dated.sessionState?.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'CallbackTime',
    });
    const tomorrow = dated.sessionState?.intent?.slots?.CallbackDate?.value?.interpretedValue;
    const changed = await c.say(p.changeToFriday);
    const friday = changed.sessionState?.intent?.slots?.CallbackDate?.value?.interpretedValue;
    expect(changed.sessionState?.intent?.name).toBe('BookCallback');
    expect(friday).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${friday}T12:00:00Z`).getUTCDay()).toBe(5);
    if (new Date(`${tomorrow}T12:00:00Z`).getUTCDay() !== 5) expect(friday).not.toBe(tomorrow);
    expect(changed.sessionState?.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'CallbackTime',
    });
  });

  it('takes a new day for the callback at "shall I book it?", keeping the time', async () => {
    const c = conversation(localeId);
    await c.say(p.callbackAsk);
    await c.say(p.tomorrow);
    await c.say(p.callbackTime);
    expect((await c.say('555 010 2030')).sessionState?.dialogAction?.type).toBe('ConfirmIntent');
    const changed = await c.say(p.fridaySameTime);
    expect(changed.sessionState?.intent?.name).toBe('BookCallback');
    expect(changed.sessionState?.dialogAction?.type).toBe('ConfirmIntent');
    const friday = changed.sessionState?.intent?.slots?.CallbackDate?.value?.interpretedValue;
    expect(new Date(`${friday}T12:00:00Z`).getUTCDay()).toBe(5);
    expect(changed.sessionState?.intent?.slots?.CallbackTime?.value?.interpretedValue).toBe('15:00');
  });

  it('takes the value said after "no wait" when a person corrects themselves in one breath', async () => {
    const c = conversation(localeId);
    await c.say(p.orderStatusAsk);
    const answered = await c.say(p.selfCorrectedOrder);
    expect(answered.sessionState?.intent?.slots?.OrderNumber?.value?.interpretedValue).toBe('10003');
    expect(textOf(answered)).not.toMatch(/10009/);
  });

  it('takes a "no" that names another email as that email, and asks to confirm it', async () => {
    const c = conversation(localeId);
    await c.say(p.passwordAsk);
    expect((await c.say(p.emailGiven)).sessionState?.dialogAction?.type).toBe('ConfirmIntent');
    const corrected = await c.say(p.noNewEmail);
    expect(corrected.sessionState?.intent?.slots?.Email?.value?.interpretedValue).toBe('sam.lee@example.com');
    expect(corrected.sessionState?.dialogAction?.type).toBe('ConfirmIntent');
    expect(textOf(corrected)).toMatch(/s\*+@e\*+\.com|sam\.lee@example\.com/);
  });

  it('takes a corrected value given in answer to "shall I go ahead?" without a "no"', async () => {
    const c = conversation(localeId);
    await c.say(p.passwordAsk);
    await c.say(p.emailGiven);
    const corrected = await c.say(p.mistypedEmail);
    expect(corrected.sessionState?.intent?.slots?.Email?.value?.interpretedValue).toBe('sam.lee@example.com');
    expect(corrected.sessionState?.dialogAction?.type).toBe('ConfirmIntent');
  });

  it('ends the conversation on a goodbye at the end of a message, even mid-dialog', async () => {
    const c = conversation(localeId);
    await c.say(p.callbackAsk);
    const ended = await c.say(p.remarkThenBye);
    expect(ended.sessionState?.intent).toMatchObject({ name: 'EndConversation', state: 'Fulfilled' });
    expect(ended.sessionState?.dialogAction?.type).toBe('Close');
  });

  it('answers from an article a question Lex was unsure was about an order is about', async () => {
    const c = conversation(localeId);
    const answered = await c.say(p.faqReadAsOrder);
    expect(answered.sessionState?.intent).toMatchObject({ name: 'FallbackIntent', state: 'Fulfilled' });
    expect(readAnswerAttribute(answered.requestAttributes ?? {})?.citations[0]?.id).toBe(
      p.faqReadAsOrderArticle,
    );
    const shipping = await conversation(localeId).say(p.shipToCountry);
    expect(shipping.sessionState?.intent?.name).toBe('FallbackIntent');
    expect(readAnswerAttribute(shipping.requestAttributes ?? {})?.citations[0]?.id).toMatch(
      /^international-shipping/,
    );
    // Asked for plainly, the order's status is still one request away.
    expect((await c.say(p.orderStatusAsk)).sessionState?.dialogAction?.slotToElicit).toBe('OrderNumber');
  });

  it('answers a question about the slot question, then asks it again, so the value can follow', async () => {
    const c = conversation(localeId);
    await c.say(p.orderStatusAsk);
    const answered = await c.say(p.whereIsThat);
    expect(readAnswerAttribute(answered.requestAttributes ?? {})?.citations[0]?.id).toMatch(
      new RegExp(`^${p.whereIsThatArticle}`),
    );
    expect(answered.sessionState?.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'OrderNumber',
    });
    expect(answered.messages).toHaveLength(2);
    const status = await c.say('10002');
    expect(status.sessionState?.intent).toMatchObject({ name: 'CheckOrderStatus', state: 'Fulfilled' });
  });

  it('answers a correction of the question just answered as the corrected question', async () => {
    const c = conversation(localeId);
    await c.say(p.shipToCanada);
    const corrected = await c.say(p.meantMexico);
    expect(readAnswerAttribute(corrected.requestAttributes ?? {})?.citations[0]?.id).toBe(
      'international-shipping',
    );
    expect(textOf(corrected)).toMatch(p.mexicoPrice);
  });

  it('carries an answered question over to the store named next, and store hours stay store hours', async () => {
    const c = conversation(localeId);
    await c.say(p.petsQuestion);
    const followUp = await c.say(p.petsAtAirport);
    expect(followUp.sessionState?.intent?.name).toBe('FallbackIntent');
    expect(readAnswerAttribute(followUp.requestAttributes ?? {})?.citations[0]?.id).toMatch(
      /^pets-in-stores/,
    );
    const hours = await c.say(p.airportHours);
    expect(hours.sessionState?.intent?.name).toBe('StoreHours');
  });

  it('takes a request that holds a value for the slot asked as that request, and a bare value as the answer', async () => {
    const c = conversation(localeId);
    await c.say(p.callbackAsk);
    const switched = await c.say(p.hoursWhileDateAsked);
    expect(switched.sessionState?.intent).toMatchObject({ name: 'StoreHours', state: 'Fulfilled' });
    expect(switched.sessionState?.intent?.slots?.Location?.value?.interpretedValue).toBe('Airport');
    // Less sure of the request, but it names a store, which no callback date does.
    const storied = conversation(localeId);
    await storied.say(p.callbackAsk);
    const storiedSwitch = await storied.say(p.hoursWithStoryWhileDateAsked);
    expect(storiedSwitch.sessionState?.intent?.name).toBe('StoreHours');
    expect(storiedSwitch.sessionState?.intent?.slots?.Location?.value?.interpretedValue).toBe('Airport');
    const answered = conversation(localeId);
    await answered.say(p.callbackAsk);
    const dated = await answered.say(p.tomorrow);
    expect(dated.sessionState?.intent?.name).toBe('BookCallback');
    expect(dated.sessionState?.dialogAction?.slotToElicit).toBe('CallbackTime');
  });
});
