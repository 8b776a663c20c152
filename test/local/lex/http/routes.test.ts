import fc from 'fast-check';
import { routeLexRequest } from '../../../../local/lex/http/routes';
import { LexServiceError } from '../../../../local/lex/runtime/types';

const BASE = '/bots/B/botAliases/A/botLocales/en_US/sessions/S';
const LABELS = { botId: 'B', botAliasId: 'A', localeId: 'en_US', sessionId: 'S' };

describe('Lex route table', () => {
  it.each([
    ['POST', `${BASE}/text`, 'RecognizeText'],
    ['POST', `${BASE}/utterance`, 'RecognizeUtterance'],
    ['POST', BASE, 'PutSession'],
    ['GET', BASE, 'GetSession'],
    ['DELETE', `${BASE}?x=1`, 'DeleteSession'],
  ])('%s %s is %s', (method, url, operation) => {
    expect(routeLexRequest(method, url)).toEqual({ kind: 'operation', operation, labels: LABELS });
  });

  it('decodes labels after splitting, so an encoded slash stays inside its label', () => {
    const route = routeLexRequest('GET', '/bots/My%20Bot/botAliases/A/botLocales/en_US/sessions/a%2Fb');
    expect(route).toMatchObject({ labels: { botId: 'My Bot', sessionId: 'a/b' } });
  });

  it.each([
    ['GET', `${BASE}/text`],
    ['PATCH', BASE],
    ['POST', `${BASE}/text/extra`],
    ['POST', '/bots/B/botAliases/A'],
  ])('%s %s is unknown', (method, url) => {
    expect(routeLexRequest(method, url)).toEqual({ kind: 'unknown' });
  });

  it('names StartConversation as unsupported rather than unknown', () => {
    expect(routeLexRequest('POST', `${BASE}/conversation`)).toMatchObject({ kind: 'unsupported' });
  });

  it('round-trips any label the SDK would percent-encode', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 30 }), (sessionId) => {
        const url = `/bots/B/botAliases/A/botLocales/en_US/sessions/${encodeURIComponent(sessionId)}/text`;
        expect(routeLexRequest('POST', url)).toEqual({
          kind: 'operation',
          operation: 'RecognizeText',
          labels: { ...LABELS, sessionId },
        });
      }),
    );
  });

  it('never fails on an arbitrary path except with ValidationException for bad percent-encoding', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST', 'DELETE', 'PUT'),
        fc.string({ maxLength: 120 }),
        (method, tail) => {
          try {
            routeLexRequest(method, `/bots/${tail}`);
          } catch (error) {
            expect((error as LexServiceError).errorName).toBe('ValidationException');
          }
        },
      ),
    );
  });
});
