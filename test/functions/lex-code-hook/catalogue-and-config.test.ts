import { join } from 'node:path';
import fc from 'fast-check';
import { loadConfig } from '../../../functions/lex-code-hook/config';
import { callbackReference } from '../../../functions/lex-code-hook/intents/callback-reference';
import { messagesFor, type MessageCatalogue } from '../../../functions/lex-code-hook/messages';
import { slotStatesForLog } from '../../../functions/lex-code-hook/log-redaction';
import { ambiguousSlot, slot } from './events';

/**
 * Every sentence of a catalogue, filled with long but realistic values; times end in "p.m." so a sentence
 * that ends on one shows whether it doubles the full stop.
 */
function allSentences(catalogue: MessageCatalogue): string[] {
  const window = { opens: '9 a.m.', closes: '5 p.m.' };
  const order = {
    orderNumber: '10001',
    carrier: 'UPS',
    trackingNumber: '1Z999AA10123456784',
    expectedDelivery: 'Wednesday, September 30',
    deliveredOn: 'Wednesday, September 30',
  };
  const schedule = 'Monday to Friday, 10:30 a.m. to 10:30 p.m.; Saturday, closed; Sunday, 11 a.m. to 6 p.m.';
  const stores = ['Downtown', 'Airport', 'Riverside Mall', 'Northgate'].map((name) => ({ name, schedule }));
  return [
    catalogue.common.unexpectedError,
    catalogue.common.unknownIntent,
    catalogue.orders.numberHint,
    catalogue.orders.shipped(order),
    catalogue.orders.processing(order),
    catalogue.orders.delivered(order),
    catalogue.orders.cancelled(order),
    catalogue.orders.notFound(order),
    catalogue.stores.oneStore({ name: 'Riverside Mall', address: '500 Riverside Drive, unit 214', schedule }),
    catalogue.stores.allStores(stores),
    catalogue.stores.unknownStore('Airport, Downtown, Northgate, and Riverside Mall'),
    catalogue.stores.noStores,
    catalogue.password.emailHint,
    catalogue.password.linkSent('j***@e***.com'),
    catalogue.password.declined,
    catalogue.callback.dateUnreadable,
    catalogue.callback.dateInPast,
    catalogue.callback.dateTooFar('Wednesday, September 30'),
    catalogue.callback.timeUnreadable(window),
    catalogue.callback.timeAmbiguous(window),
    catalogue.callback.timeOutsideHours(window),
    catalogue.callback.timeAlreadyPassed(window),
    catalogue.callback.phoneInvalid,
    catalogue.callback.booked({
      date: 'Wednesday, September 30',
      time: '12:30 PM',
      timeZone: 'Eastern Time',
      phoneEnding: '1212',
      reference: 'CB-7K3Q9X2M',
    }),
    catalogue.callback.declined,
    catalogue.agent.connecting,
    catalogue.farewell.call,
    catalogue.farewell.chat,
    catalogue.fallback.cannotHelp,
  ];
}

describe('message catalogues', () => {
  it.each(['en_US', 'es_US'])('%s: every sentence fits a Lex message and ends as a sentence', (localeId) => {
    for (const sentence of allSentences(messagesFor(localeId))) {
      expect(sentence.length).toBeGreaterThan(0);
      expect(sentence.length).toBeLessThanOrEqual(1000);
      expect(sentence).toMatch(/[.?!]$/);
      expect(sentence).not.toMatch(/[^.]\.\.(?!\.)|undefined|\[object/);
    }
  });

  it.each([
    ['en_US', 'Sources: Return policy; Gift returns'],
    ['es_US', 'Fuentes: Return policy; Gift returns'],
  ])('%s: names the sources of an answer', (localeId, line) => {
    expect(messagesFor(localeId).fallback.sources(['Return policy', 'Gift returns'])).toBe(line);
  });

  it('has Spanish wording for every English sentence', () => {
    const english = allSentences(messagesFor('en_US'));
    const spanish = allSentences(messagesFor('es_US'));
    spanish.forEach((sentence, index) => expect(sentence).not.toBe(english[index]));
  });

  it('agrees the Spanish article with the hour', () => {
    const booked = (time: string) =>
      messagesFor('es_US').callback.booked({
        date: 'jueves, 12 de marzo',
        time,
        timeZone: 'hora oriental',
        phoneEnding: '1212',
        reference: 'CB-1',
      });
    expect(booked('1 p.m.')).toContain('a la 1 p.m.');
    expect(booked('1:30 p.m.')).toContain('a la 1:30 p.m.');
    expect(booked('11 a.m.')).toContain('a las 11 a.m.');
  });

  it('falls back to English for unknown locales, including prototype names', () => {
    for (const localeId of ['fr_FR', '__proto__', 'constructor', ''])
      expect(messagesFor(localeId)).toBe(messagesFor('en_US'));
  });
});

describe('callback references', () => {
  it('are stable per request and readable aloud', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (sessionId, requestId) => {
        const reference = callbackReference(sessionId, requestId);
        expect(reference).toMatch(/^CB-[0-9A-HJKMNP-TV-Z]{8}$/);
        expect(callbackReference(sessionId, requestId)).toBe(reference);
      }),
    );
    expect(callbackReference('a', 'bc')).not.toBe(callbackReference('ab', 'c'));
  });
});

describe('log redaction', () => {
  it('says which slots are filled, never their values', () => {
    const states = slotStatesForLog({
      Email: slot('jane@example.com'),
      CallbackTime: ambiguousSlot('at 10', ['10:00', '22:00']),
      PhoneNumber: null,
    });
    expect(states).toEqual({ Email: 'filled', CallbackTime: 'ambiguous', PhoneNumber: 'empty' });
  });
});

describe('configuration', () => {
  it('defaults the table names, the store time zone and the model', () => {
    expect(loadConfig({})).toEqual({
      tableNames: {
        orders: 'parley-orders',
        stores: 'parley-stores',
        callbacks: 'parley-callbacks',
        followups: 'parley-followups',
      },
      storeTimeZone: 'America/New_York',
      generative: {
        modelId: 'amazon.nova-lite-v1:0',
        knowledgeIndexPath: join(__dirname, '../../../functions/lex-code-hook/knowledge-index.json'),
        conversationsTableName: 'parley-conversations',
        knowledgeGapsTableName: 'parley-knowledge-gaps',
        memory: { ttlHours: 24, redactPii: true },
      },
      voiceEngine: 'neural',
      speechConfidenceThreshold: 0.5,
    });
  });

  it('takes a speech confidence threshold from 0 to 1, and names a bad one', () => {
    expect(loadConfig({ SPEECH_CONFIDENCE_THRESHOLD: '0.8' }).speechConfidenceThreshold).toBe(0.8);
    expect(loadConfig({ SPEECH_CONFIDENCE_THRESHOLD: '0' }).speechConfidenceThreshold).toBe(0);
    for (const bad of ['1.5', '-0.1', 'high', '.5']) {
      expect(() => loadConfig({ SPEECH_CONFIDENCE_THRESHOLD: bad })).toThrow(
        /SPEECH_CONFIDENCE_THRESHOLD: must be a number from 0 to 1/,
      );
    }
  });

  it('takes the generative settings from the environment, empty meaning unset', () => {
    const config = loadConfig({
      BEDROCK_MODEL_ID: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      BEDROCK_GUARDRAIL_ID: 'gr1abc',
      BEDROCK_GUARDRAIL_VERSION: 'DRAFT',
      KNOWLEDGE_INDEX_PATH: '/var/task/index.json',
      CONVERSATIONS_TABLE_NAME: 'prod-conversations',
      KNOWLEDGE_GAPS_TABLE_NAME: 'prod-gaps',
      CONVERSATION_TTL_HOURS: '72',
      MEMORY_REDACT_PII: 'false',
    });
    expect(config.generative).toEqual({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      guardrail: { identifier: 'gr1abc', version: 'DRAFT' },
      knowledgeIndexPath: '/var/task/index.json',
      conversationsTableName: 'prod-conversations',
      knowledgeGapsTableName: 'prod-gaps',
      memory: { ttlHours: 72, redactPii: false },
    });
    const blank = loadConfig({
      BEDROCK_MODEL_ID: '',
      BEDROCK_GUARDRAIL_ID: '',
      BEDROCK_GUARDRAIL_VERSION: '',
      CONVERSATION_TTL_HOURS: '',
      MEMORY_REDACT_PII: '',
    });
    expect(blank.generative).not.toHaveProperty('guardrail');
    expect(blank.generative.modelId).toBe('amazon.nova-lite-v1:0');
    expect(blank.generative.memory).toEqual({ ttlHours: 24, redactPii: true });
  });

  it('names a bad conversation memory setting', () => {
    expect(() => loadConfig({ CONVERSATION_TTL_HOURS: '1.5', MEMORY_REDACT_PII: 'yes' })).toThrow(
      /CONVERSATION_TTL_HOURS: must be a whole number of hours.*MEMORY_REDACT_PII: must be true or false/,
    );
    expect(() => loadConfig({ CONVERSATION_TTL_HOURS: '0' })).toThrow(
      /CONVERSATION_TTL_HOURS: must be from 1 to 8760 hours/,
    );
  });

  it('wants a guardrail whole: id and version', () => {
    expect(() => loadConfig({ BEDROCK_GUARDRAIL_ID: 'gr1abc' })).toThrow(
      /BEDROCK_GUARDRAIL_ID: set both or neither/,
    );
    expect(() => loadConfig({ BEDROCK_GUARDRAIL_ID: 'gr1abc', BEDROCK_GUARDRAIL_VERSION: 'latest' })).toThrow(
      /BEDROCK_GUARDRAIL_VERSION: must be DRAFT or a version number/,
    );
  });

  it('takes them from the environment', () => {
    const config = loadConfig({ ORDERS_TABLE_NAME: 'prod-orders', STORE_TIME_ZONE: 'America/Chicago' });
    expect(config.tableNames.orders).toBe('prod-orders');
    expect(config.storeTimeZone).toBe('America/Chicago');
  });

  it('names every bad setting', () => {
    expect(() => loadConfig({ STORES_TABLE_NAME: 'x', STORE_TIME_ZONE: 'Mars/Olympus' })).toThrow(
      /STORES_TABLE_NAME: must be a DynamoDB table name.*STORE_TIME_ZONE: must be an IANA time zone/,
    );
  });
});
