import fc from 'fast-check';
import { lexSessionId, type ThreadPerson } from '../../../channels/slack/session';

/** Lex V2's rule for a session id (RecognizeText `sessionId`). */
const LEX_SESSION_ID = /^[0-9a-zA-Z._:-]{2,100}$/;
const RUNS = { numRuns: 300 };

const slackId = (prefix: string) => fc.stringMatching(new RegExp(`^${prefix}[0-9A-Z]{8,10}$`));
const ts = fc
  .tuple(fc.integer({ min: 1_000_000_000, max: 9_999_999_999 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([seconds, micros]) => `${seconds}.${String(micros).padStart(6, '0')}`);

/** Ids as Slack gives them: workspace (T) or enterprise-grid (E) teams, channels, thread roots or `dm`. */
const realisticPerson: fc.Arbitrary<ThreadPerson> = fc.record({
  teamId: fc.oneof(slackId('T'), slackId('E')),
  channel: fc.oneof(slackId('C'), slackId('D'), slackId('G')),
  threadRoot: fc.oneof(ts, fc.constant('dm')),
  user: fc.oneof(slackId('U'), slackId('W')),
});

/** Any id at all: long (enterprise org ids, shared channels), empty, full Unicode, Lex-forbidden characters. */
const oddId = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 120 }),
  fc.stringMatching(/^[A-Z0-9]{40,90}$/),
  fc.constantFrom('', ' ', '/', 'ä', '😀', 'T0 1', 'C0#general', '..', '-'),
);
const anyPerson: fc.Arbitrary<ThreadPerson> = fc.record({
  teamId: oddId,
  channel: oddId,
  threadRoot: fc.oneof(oddId, ts, fc.constant('dm')),
  user: oddId,
});

/** The same, without `:`, as Slack's own ids are: these keep the readable form. */
const colonFree = (id: fc.Arbitrary<string>) => id.map((text) => text.replace(/:/g, '.'));
const anyColonFreePerson: fc.Arbitrary<ThreadPerson> = fc.record({
  teamId: colonFree(oddId),
  channel: colonFree(oddId),
  threadRoot: colonFree(fc.oneof(oddId, ts, fc.constant('dm'))),
  user: colonFree(oddId),
});

const samePerson = (a: ThreadPerson, b: ThreadPerson) =>
  a.teamId === b.teamId && a.channel === b.channel && a.threadRoot === b.threadRoot && a.user === b.user;

describe('lexSessionId', () => {
  it('keeps an ordinary Slack thread readable', () => {
    expect(
      lexSessionId({
        teamId: 'T0PARLEY01',
        channel: 'C0GENERAL1',
        threadRoot: '1733450000.000123',
        user: 'U0ALICE',
      }),
    ).toBe('slack:T0PARLEY01:C0GENERAL1:1733450000.000123:U0ALICE');
    expect(lexSessionId({ teamId: 'T1', channel: 'D1', threadRoot: 'dm', user: 'U1' })).toBe(
      'slack:T1:D1:dm:U1',
    );
  });

  it('hashes ids too long or too odd for Lex into a valid id', () => {
    const long = { teamId: `E${'9'.repeat(90)}`, channel: 'C1', threadRoot: 'dm', user: 'U1' };
    const odd = { teamId: 'T1', channel: 'C1 #général', threadRoot: 'dm', user: 'U1' };
    for (const person of [long, odd]) {
      const id = lexSessionId(person);
      expect(id).toMatch(LEX_SESSION_ID);
      expect(id).toMatch(/^slack:/);
      expect(id).not.toContain(person.channel);
    }
  });

  it('always gives an id Lex accepts', () => {
    const forms = { readable: 0, hashed: 0 };
    fc.assert(
      fc.property(fc.oneof(realisticPerson, anyPerson), (person) => {
        const id = lexSessionId(person);
        expect(id).toMatch(LEX_SESSION_ID);
        forms[/^slack:[\w-]{43}$/.test(id) ? 'hashed' : 'readable'] += 1;
      }),
      RUNS,
    );
    // Both forms were exercised.
    expect(forms.readable).toBeGreaterThan(20);
    expect(forms.hashed).toBeGreaterThan(20);
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(realisticPerson, anyPerson), (person) => {
        expect(lexSessionId({ ...person })).toBe(lexSessionId(person));
      }),
      RUNS,
    );
  });

  it('gives different people, threads, channels and teams different sessions (Slack ids)', () => {
    fc.assert(
      fc.property(realisticPerson, realisticPerson, (a, b) => {
        fc.pre(!samePerson(a, b));
        expect(lexSessionId(a)).not.toBe(lexSessionId(b));
      }),
      RUNS,
    );
  });

  it('gives distinct ids distinct sessions, whatever characters they hold', () => {
    expect(lexSessionId({ teamId: 'T1:C1', channel: 'X', threadRoot: 'dm', user: 'U1' })).not.toBe(
      lexSessionId({ teamId: 'T1', channel: 'C1:X', threadRoot: 'dm', user: 'U1' }),
    );
    fc.assert(
      fc.property(anyPerson, anyPerson, (a, b) => {
        fc.pre(!samePerson(a, b));
        expect(lexSessionId(a)).not.toBe(lexSessionId(b));
      }),
      RUNS,
    );
  });

  it('gives distinct colon-free ids distinct sessions, readable or hashed', () => {
    fc.assert(
      fc.property(anyColonFreePerson, anyColonFreePerson, (a, b) => {
        fc.pre(!samePerson(a, b));
        expect(lexSessionId(a)).not.toBe(lexSessionId(b));
      }),
      RUNS,
    );
  });

  it('keeps apart two people who differ in one part only, however long the other parts are', () => {
    const parts = ['teamId', 'channel', 'threadRoot', 'user'] as const;
    fc.assert(
      fc.property(
        anyColonFreePerson,
        fc.constantFrom(...parts),
        colonFree(oddId),
        (person, part, replacement) => {
          fc.pre(person[part] !== replacement);
          const other = { ...person, [part]: replacement };
          expect(lexSessionId(other)).not.toBe(lexSessionId(person));
        },
      ),
      RUNS,
    );
  });
});
