import { handlerPathOf } from '../../bench/hook-turns';

const hooked = { codeHookCalls: [{ source: 'FulfillmentCodeHook', outcome: 'ok', durationMs: 1 }] };

describe('handlerPathOf', () => {
  it('takes the path from the answer when the knowledge base answered', () => {
    expect(handlerPathOf({ source: 'curated', citations: [] }, { intent: 'FallbackIntent', ...hooked })).toBe(
      'curated FAQ',
    );
    expect(handlerPathOf({ source: 'model', citations: [] }, { intent: 'FallbackIntent', ...hooked })).toBe(
      'model answer',
    );
  });

  it('is a business intent when the hook answered an intent of its own', () => {
    expect(handlerPathOf(undefined, { intent: 'CheckOrderStatus', ...hooked })).toBe('business intent');
  });

  it('is no path for a turn without the hook, a declined question or a fallback without an answer', () => {
    expect(handlerPathOf(undefined, { intent: 'CheckOrderStatus', codeHookCalls: [] })).toBeUndefined();
    expect(
      handlerPathOf({ source: 'no_passage', citations: [] }, { intent: 'FallbackIntent', ...hooked }),
    ).toBe(undefined);
    expect(handlerPathOf(undefined, { intent: 'FallbackIntent', ...hooked })).toBeUndefined();
  });
});
