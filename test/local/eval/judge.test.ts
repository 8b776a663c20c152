import { judgeTurn, type ObservedTurn } from '../../../local/eval/judge';

const seen = (overrides: Partial<ObservedTurn> = {}): ObservedTurn => ({
  intent: 'FallbackIntent',
  dialogAction: 'Close',
  slotToElicit: undefined,
  text: 'We match the price of any major retailer’s identical item. Ask at the till.',
  articles: ['price-match'],
  handoff: false,
  ended: false,
  ...overrides,
});

describe('judgeTurn', () => {
  it('passes a turn that meets every expectation given', () => {
    expect(
      judgeTurn(
        {
          intent: 'FallbackIntent',
          notIntent: ['AnswerNotHelpful'],
          articles: ['price-match', 'returns'],
          mentions: ['MATCH', "retailer's"],
          mentionsAny: ['till', 'counter'],
          avoids: ["couldn't find"],
          handoff: false,
          endsConversation: false,
          maxWords: 20,
        },
        seen(),
      ),
    ).toEqual([]);
  });

  it('names every expectation a turn breaks', () => {
    const problems = judgeTurn(
      {
        intent: 'CheckOrderStatus',
        articles: ['gift-cards'],
        mentions: ['gift card'],
        mentionsAny: ['yes'],
        avoids: ['match'],
        asksFor: 'OrderNumber',
        handoff: true,
        endsConversation: true,
        maxWords: 5,
      },
      seen(),
    );
    expect(problems).toEqual([
      'intent FallbackIntent, expected CheckOrderStatus',
      'cited [price-match], expected one of [gift-cards]',
      'does not mention "gift card"',
      'mentions none of "yes"',
      'says "match"',
      'asks for (nothing), expected OrderNumber',
      'does not hand off',
      'does not end the conversation',
      '14 words, at most 5',
    ]);
  });

  it('reads Spanish without minding accents or case', () => {
    expect(judgeTurn({ mentions: ['garantia', 'ANO'] }, seen({ text: 'La garantía dura un año.' }))).toEqual(
      [],
    );
  });
});
