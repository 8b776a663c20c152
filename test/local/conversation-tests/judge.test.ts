import { judgeTurn, wordsOf } from '../../../local/conversation-tests/judge';
import type { ObservedTurn } from '../../../local/conversation-tests/turn';

const seen: ObservedTurn = {
  intent: 'CheckOrderStatus',
  state: 'Fulfilled',
  dialogAction: 'Close',
  slots: { OrderNumber: '10001' },
  sessionAttributes: { channel: 'web' },
  messages: [{ contentType: 'PlainText', content: 'Order 10001 has shipped with UPS.' }],
  source: 'intent',
  articles: [],
  handoff: false,
  heard: 'where is order 10001',
};

describe('judging a turn', () => {
  it('passes a reply that meets every expectation', () => {
    expect(
      judgeTurn(
        {
          intent: 'CheckOrderStatus',
          state: 'Fulfilled',
          dialogAction: 'Close',
          slots: { OrderNumber: '10001', Other: null },
          sessionAttributes: { channel: 'web' },
          source: 'intent',
          message: 'shipped',
          notMessage: 'cancelled',
          maxWords: 6,
          handoff: false,
          heard: 'order \\d+',
        },
        seen,
      ),
    ).toEqual([]);
  });

  it('says what was expected and what the bot did, for each expectation it misses', () => {
    const mismatches = judgeTurn(
      {
        intent: 'StoreHours',
        slots: { OrderNumber: '10002' },
        articles: ['returns'],
        message: 'refund',
        maxWords: 3,
      },
      seen,
    );
    expect(mismatches).toEqual([
      { check: 'intent', expected: '"StoreHours"', seen: '"CheckOrderStatus"' },
      { check: 'slots.OrderNumber', expected: '"10002"', seen: '"10001"' },
      { check: 'articles', expected: 'cites returns', seen: '[]' },
      { check: 'message', expected: 'matches /refund/i', seen: '"Order 10001 has shipped with UPS."' },
      { check: 'maxWords', expected: 'at most 3 words', seen: '6 words' },
    ]);
  });

  it('reads SSML as the words spoken, and checks it as Polly would', () => {
    const spoken: ObservedTurn = {
      ...seen,
      messages: [
        {
          contentType: 'SSML',
          content: '<speak>Order <say-as interpret-as="digits">10001</say-as> shipped.</speak>',
        },
      ],
    };
    expect(wordsOf(spoken)).toBe('Order 10001 shipped.');
    expect(judgeTurn({ ssml: 'valid' }, spoken)).toEqual([]);
    const broken: ObservedTurn = {
      ...seen,
      messages: [{ contentType: 'SSML', content: '<speak>Order <break></speak>' }],
    };
    expect(judgeTurn({ ssml: 'valid' }, broken)).toMatchObject([{ check: 'ssml', expected: 'valid SSML' }]);
    expect(judgeTurn({ ssml: 'valid' }, { ...seen, messages: [] })).toMatchObject([{ check: 'ssml' }]);
  });
});
