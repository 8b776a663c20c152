import fc from 'fast-check';
import { fillPlaceholders, renderMessageGroups } from '../../../../local/lex/dialog/messages';

const slots = {
  Email: { value: { originalValue: 'a@b.co', interpretedValue: 'a@b.co', resolvedValues: [] } },
  Day: null,
};

describe('fillPlaceholders', () => {
  it('fills slots and session attributes and leaves unknown placeholders as written', () => {
    expect(
      fillPlaceholders('Send to {Email} on {Day} for [tier] [missing]', {
        slots,
        sessionAttributes: { tier: 'gold' },
      }),
    ).toBe('Send to a@b.co on {Day} for gold [missing]');
  });

  it('is the identity on text without placeholders', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/[{}[\]]/.test(s)),
        (text) => {
          expect(fillPlaceholders(text, { slots, sessionAttributes: {} })).toBe(text);
        },
      ),
    );
  });
});

describe('renderMessageGroups', () => {
  const groups = [
    {
      Message: { PlainTextMessage: { Value: 'one' } },
      Variations: [{ PlainTextMessage: { Value: 'two' } }, { PlainTextMessage: { Value: 'three' } }],
    },
    { Message: { ImageResponseCard: { Title: 'Pick', Buttons: [{ Text: 'Yes', Value: 'yes' }] } } },
  ];

  it('emits one message per group', () => {
    const messages = renderMessageGroups(groups, 'Random', 42, { slots: {}, sessionAttributes: {} });
    expect(messages).toHaveLength(2);
    expect(['one', 'two', 'three']).toContain(messages[0]?.content);
    expect(messages[1]).toEqual({
      contentType: 'ImageResponseCard',
      imageResponseCard: { title: 'Pick', buttons: [{ text: 'Yes', value: 'yes' }] },
    });
  });

  it('Ordered cycles through the message and its variations', () => {
    const picks = [0, 1, 2, 3].map(
      (seed) =>
        renderMessageGroups(groups.slice(0, 1), 'Ordered', seed, { slots: {}, sessionAttributes: {} })[0]
          ?.content,
    );
    expect(picks).toEqual(['one', 'two', 'three', 'one']);
  });

  it('Random is reproducible for a seed and uses every variation across seeds', () => {
    const render = (seed: number) =>
      renderMessageGroups(groups.slice(0, 1), 'Random', seed, { slots: {}, sessionAttributes: {} })[0]
        ?.content;
    expect(render(7)).toBe(render(7));
    expect(new Set(Array.from({ length: 50 }, (_, seed) => render(seed)))).toEqual(
      new Set(['one', 'two', 'three']),
    );
  });
});
