import {
  activateOutputContexts,
  expireContexts,
  replaceActiveContexts,
} from '../../../../local/lex/dialog/contexts';
import { newDialogSession, type DialogSession } from '../../../../local/lex/dialog/state';

const NOW = Date.parse('2026-03-10T15:00:00Z');

function sessionWith(turnsToLive: number, timeToLiveInSeconds: number): DialogSession {
  const session = newDialogSession('s1', NOW);
  replaceActiveContexts(
    session,
    [{ name: 'orderKnown', timeToLive: { turnsToLive, timeToLiveInSeconds }, contextAttributes: { a: '1' } }],
    NOW,
  );
  return session;
}

it('keeps a context for its turns, counting each turn, then drops it', () => {
  const session = sessionWith(2, 600);
  expect(expireContexts(session, NOW + 1_000)).toEqual(new Set(['orderKnown']));
  expect(expireContexts(session, NOW + 2_000)).toEqual(new Set(['orderKnown']));
  expect(expireContexts(session, NOW + 3_000)).toEqual(new Set());
  expect(session.state.activeContexts).toEqual([]);
  expect(session.contextLifetimes).toEqual({});
});

it('drops a context when its seconds run out, whatever turns it has left', () => {
  const session = sessionWith(5, 10);
  expect(expireContexts(session, NOW + 9_999)).toEqual(new Set(['orderKnown']));
  expect(expireContexts(session, NOW + 10_000)).toEqual(new Set());
});

it('sets a fulfilled intent’s output contexts with its slot values, renewing one already active', () => {
  const session = sessionWith(1, 5);
  const outputs = [{ Name: 'orderKnown', TimeToLiveInSeconds: 300, TurnsToLive: 3 }];
  const slots = {
    OrderNumber: { shape: 'Scalar' as const, value: { originalValue: '1234', interpretedValue: '1234' } },
    Empty: null,
  };
  activateOutputContexts(session, outputs, slots, NOW + 1_000);
  expect(session.state.activeContexts).toEqual([
    {
      name: 'orderKnown',
      timeToLive: { timeToLiveInSeconds: 300, turnsToLive: 3 },
      contextAttributes: { OrderNumber: '1234' },
    },
  ]);
  expect(session.contextLifetimes).toEqual({ orderKnown: { turnsLeft: 3, expiresAtMs: NOW + 301_000 } });
});
