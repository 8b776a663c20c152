import type { BotLocale, Intent, Slot } from '../../../../bot-definitions/loader/schema';
import type { ResolverContext } from '../../../../local/lex/slots/types';

/** Thursday 26 November 2026, noon UTC: dates in tests resolve against it. */
export const NOW = new Date('2026-11-26T12:00:00Z');

export function contextFor(localeId: string): ResolverContext {
  return { localeId, now: () => NOW };
}

export function slot(name: string, slotTypeName: string, sampleUtterances: string[] = []): Slot {
  return {
    Name: name,
    SlotTypeName: slotTypeName,
    ValueElicitationSetting: {
      SlotConstraint: 'Required',
      ...(sampleUtterances.length > 0
        ? { SampleUtterances: sampleUtterances.map((Utterance) => ({ Utterance })) }
        : {}),
    },
  };
}

export function intent(name: string, utterances: string[], slots: Slot[] = []): Intent {
  return {
    Name: name,
    SampleUtterances: utterances.map((Utterance) => ({ Utterance })),
    ...(slots.length > 0 ? { Slots: slots } : {}),
  };
}

const fallback: Intent = { Name: 'FallbackIntent', ParentIntentSignature: 'AMAZON.FallbackIntent' };

export const englishLocale: BotLocale = {
  LocaleId: 'en_US',
  NluConfidenceThreshold: 0.4,
  SlotTypes: [
    {
      Name: 'PizzaSize',
      ValueSelectionSetting: { ResolutionStrategy: 'TOP_RESOLUTION' },
      SlotTypeValues: [
        { SampleValue: { Value: 'large' }, Synonyms: [{ Value: 'big' }] },
        { SampleValue: { Value: 'small' }, Synonyms: [{ Value: 'little' }] },
      ],
    },
  ],
  Intents: [
    intent(
      'OrderPizza',
      [
        'order a pizza',
        'I want a {Size} pizza',
        'get me a pizza',
        'pizza delivery please',
        'I would like to order {Quantity} {Size} pizzas for {DeliveryTime}',
        'can I get a pizza delivered',
      ],
      [
        slot('Size', 'PizzaSize', ['the {Size} one', 'make it {Size}']),
        slot('Quantity', 'AMAZON.Number'),
        slot('DeliveryTime', 'AMAZON.Time'),
      ],
    ),
    intent(
      'CheckBalance',
      [
        'what is my balance',
        'check my account balance',
        'how much money do I have',
        'balance of account {AccountNumber}',
      ],
      [
        slot('AccountNumber', 'AMAZON.Number', [
          'my account number is {AccountNumber}',
          'it is {AccountNumber}',
        ]),
      ],
    ),
    intent(
      'BookFlight',
      [
        'book a flight',
        'I need a plane ticket',
        'leave {DepartureDate} and come back {ReturnDate}',
        'return on {ReturnDate} after leaving on {DepartureDate}',
      ],
      [slot('DepartureDate', 'AMAZON.Date'), slot('ReturnDate', 'AMAZON.Date')],
    ),
    intent('Goodbye', ['bye', 'goodbye', 'see you later', 'that is all thanks']),
    fallback,
  ],
};

export const spanishLocale: BotLocale = {
  LocaleId: 'es_US',
  NluConfidenceThreshold: 0.4,
  SlotTypes: [
    {
      Name: 'PizzaSize',
      ValueSelectionSetting: { ResolutionStrategy: 'TOP_RESOLUTION' },
      SlotTypeValues: [
        { SampleValue: { Value: 'large' }, Synonyms: [{ Value: 'grande' }, { Value: 'familiar' }] },
        { SampleValue: { Value: 'small' }, Synonyms: [{ Value: 'chica' }, { Value: 'pequeña' }] },
      ],
    },
  ],
  Intents: [
    intent(
      'OrderPizza',
      [
        'quiero pedir una pizza',
        'pide una pizza {Size}',
        'me traen una pizza',
        'pizza a domicilio por favor',
      ],
      [slot('Size', 'PizzaSize', ['la {Size}'])],
    ),
    intent(
      'CheckBalance',
      [
        'cuál es mi saldo',
        'revisa el saldo de mi cuenta',
        'cuánto dinero tengo',
        'saldo de la cuenta {AccountNumber}',
      ],
      [slot('AccountNumber', 'AMAZON.Number', ['mi número de cuenta es {AccountNumber}'])],
    ),
    intent('Goodbye', ['adiós', 'hasta luego', 'eso es todo gracias']),
    fallback,
  ],
};
