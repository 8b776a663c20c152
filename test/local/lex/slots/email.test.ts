import fc from 'fast-check';
import { expectWellFormedMatches, resolverFor } from './helpers';

const english = resolverFor('AMAZON.EmailAddress', 'en_US');
const spanish = resolverFor('AMAZON.EmailAddress', 'es_US');

describe('AMAZON.EmailAddress', () => {
  it.each([
    ['a@b.com', 'a@b.com'],
    ['my email is a@b.com', 'a@b.com'],
    ['John.Smith+tag@Example.COM.', 'John.Smith+tag@example.com'],
    ['j_doe-1@mail.ex-ample.co.uk please', 'j_doe-1@mail.ex-ample.co.uk'],
    ['john @ example.com', 'john@example.com'],
    ['john dot smith at example dot com', 'john.smith@example.com'],
    ['johnsmith at gmail dot com thanks', 'johnsmith@gmail.com'],
    ['j underscore doe dash smith at example dot org', 'j_doe-smith@example.org'],
    ['jane plus news at mail dot example dot net', 'jane+news@mail.example.net'],
  ])('en %j -> %s', (input, expected) => {
    expect(english.resolve(input)?.interpretedValue).toBe(expected);
  });

  it.each([
    ['mi correo es ana@correo.es', 'ana@correo.es'],
    ['juan punto perez arroba gmail punto com', 'juan.perez@gmail.com'],
    ['mi correo es juan guion bajo perez arroba correo punto es por favor', 'juan_perez@correo.es'],
    ['ana guion lopez arroba ejemplo punto com punto mx', 'ana-lopez@ejemplo.com.mx'],
  ])('es %j -> %s', (input, expected) => {
    expect(spanish.resolve(input)?.interpretedValue).toBe(expected);
  });

  it('reports the exact text of the address, spoken or written', () => {
    expect(english.find('write to j.doe@x.org or call')).toEqual([
      {
        originalValue: 'j.doe@x.org',
        interpretedValue: 'j.doe@x.org',
        resolvedValues: ['j.doe@x.org'],
        start: 9,
        end: 20,
      },
    ]);
    expect(english.find('it is bob at example dot com').map((m) => m.originalValue)).toEqual([
      'bob at example dot com',
    ]);
  });

  it.each(['I am at home', 'at example', 'a@b', 'a@b.c', 'josé@correo.es', 'no email', '@example.com', ''])(
    'finds no address in %j',
    (input) => {
      expect(english.resolve(input)).toBeUndefined();
    },
  );

  it('finds two addresses in one sentence, in order', () => {
    expect(english.find('a@b.com and c@d.org').map((m) => m.interpretedValue)).toEqual([
      'a@b.com',
      'c@d.org',
    ]);
  });
});

const userPiece = fc.stringMatching(/^[a-z0-9][a-z0-9_+-]{0,7}$/);
const user = fc.array(userPiece, { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join('.'));
const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,6}[a-z0-9])?$/);
const domain = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/), fc.boolean())
  .map(([labels, tld, shout]) => {
    const name = [...labels, tld].join('.');
    return shout ? name.toUpperCase() : name;
  });
const SPOKEN_WORDS = new Set([
  'at',
  'dot',
  'period',
  'underscore',
  'under',
  'score',
  'dash',
  'hyphen',
  'plus',
]);
const word = fc.stringMatching(/^[a-z]{1,8}$/).filter((w) => !SPOKEN_WORDS.has(w));

describe('AMAZON.EmailAddress properties', () => {
  it('finds any valid address among other words, with its exact span, lower-casing the domain', () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 4 }),
        user,
        domain,
        fc.constantFrom('', '.', ',', '!'),
        fc.array(word, { maxLength: 4 }),
        (before, name, host, punctuation, after) => {
          const address = `${name}@${host}`;
          const prefix = before.map((w) => `${w} `).join('');
          const utterance = `${prefix}${address}${punctuation}${after.map((w) => ` ${w}`).join('')}`;
          const matches = english.find(utterance);
          expectWellFormedMatches(utterance, matches);
          expect(matches).toEqual([
            {
              originalValue: address,
              interpretedValue: `${name}@${host.toLowerCase()}`,
              resolvedValues: [`${name}@${host.toLowerCase()}`],
              start: prefix.length,
              end: prefix.length + address.length,
            },
          ]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads any spoken address built from "dot" and "at"', () => {
    const plainUser = fc.array(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), { minLength: 1, maxLength: 3 });
    const plainHost = fc.array(fc.stringMatching(/^[a-z]{2,8}$/), { minLength: 2, maxLength: 3 });
    fc.assert(
      fc.property(plainUser, plainHost, (names, hosts) => {
        const spoken = `my email is ${names.join(' dot ')} at ${hosts.join(' dot ')}`;
        expect(english.resolve(spoken)?.interpretedValue).toBe(`${names.join('.')}@${hosts.join('.')}`);
        const hablado = `mi correo es ${names.join(' punto ')} arroba ${hosts.join(' punto ')}`;
        expect(spanish.resolve(hablado)?.interpretedValue).toBe(`${names.join('.')}@${hosts.join('.')}`);
      }),
    );
  });
});
