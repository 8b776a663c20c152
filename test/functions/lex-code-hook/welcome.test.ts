import { messagesFor } from '../../../functions/lex-code-hook/messages';
import { lexEvent } from './events';
import { loadHandlerModule } from './hook-fixture';
import { resultProblems, textOf } from './result-rules';

beforeAll(() => jest.spyOn(process.stdout, 'write').mockImplementation(() => true));
afterAll(() => jest.restoreAllMocks());

describe('Welcome', () => {
  it.each(['en_US', 'es_US'])(
    'answers a greeting with what the bot can do, and keeps the conversation open (%s)',
    async (localeId) => {
      const result = await loadHandlerModule().handler(
        lexEvent({ intent: 'Welcome', localeId, inputTranscript: 'hi' }),
      );
      expect(resultProblems(result)).toEqual([]);
      expect(result.sessionState.intent).toMatchObject({ name: 'Welcome', state: 'Fulfilled' });
      expect(textOf(result)).toBe(messagesFor(localeId).welcome);
      expect(result.sessionState.sessionAttributes ?? {}).not.toHaveProperty('parley:endCall');
    },
  );

  it('names the things the bot can do, in the register of each locale', () => {
    expect(messagesFor('en_US').welcome).toMatch(/order.*store hours.*password.*callback.*returns/);
    // Usted, as every other Spanish prompt: "le", "su".
    expect(messagesFor('es_US').welcome).toMatch(/su contraseña.*¿En qué le puedo ayudar\?/);
  });
});
