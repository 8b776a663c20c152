import fc from 'fast-check';
import { estimateTokens } from '../../../functions/memory/tokens';

describe('estimateTokens', () => {
  it('counts words by length, numbers by digit groups, and each symbol', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('   \n\t')).toBe(0);
    expect(estimateTokens('a')).toBe(1);
    expect(estimateTokens('the order shipped')).toBe(1 + 1 + 2);
    expect(estimateTokens('internationalization')).toBe(5);
    expect(estimateTokens('order 10001')).toBe(1 + 2);
    expect(estimateTokens('Hi!')).toBe(2);
    expect(estimateTokens('¿Dónde está mi pedido?')).toBe(1 + 1 + 1 + 1 + 2 + 1);
    expect(estimateTokens('😀')).toBe(1);
  });

  it('lands near the usual four characters per token on ordinary prose', () => {
    const prose =
      'You can return most items within 30 days of delivery. Bring the receipt to any store, or start a ' +
      'return online and print the prepaid label; refunds reach the original payment method in a week.';
    const estimate = estimateTokens(prose);
    expect(estimate).toBeGreaterThan(prose.length / 5);
    expect(estimate).toBeLessThan(prose.length / 3);
  });

  it('adds up across a space and never counts less than one token per word', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'é', 'Z', '7', '.', '?', ' ', '\n', '😀'),
      maxLength: 80,
    });
    fc.assert(
      fc.property(text, text, (left, right) => {
        expect(estimateTokens(`${left} ${right}`)).toBe(estimateTokens(left) + estimateTokens(right));
        expect(estimateTokens(left)).toBeGreaterThanOrEqual(left.split(/\s+/).filter(Boolean).length);
      }),
    );
  });
});
