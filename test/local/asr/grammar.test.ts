import fc from 'fast-check';
import { findLocale, loadBots } from '../../../bot-definitions/loader/load';
import type { BotLocale } from '../../../bot-definitions/loader/schema';
import { buildGrammar, type BuiltGrammar } from '../../../local/asr/grammar';
import { PronouncingDictionary } from '../../../local/asr/pronouncing-dictionary';

/** A small dictionary in cmudict's format, so the test does not depend on the Debian package. */
const DICTIONARY = PronouncingDictionary.parse(
  [
    'where W EH R',
    'is IH Z',
    'my M AY',
    'order AO R D ER',
    'the DH AH',
    'status S T AE T AH S',
    'of AH V',
    'track T R AE K',
    'please P L IY Z',
    "it's IH T S",
    'number N AH M B ER',
    ...['zero', 'oh', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'].map(
      (word) => `${word} W AH N`,
    ),
    'hello HH AH L OW',
    'yes Y EH S',
    'no N OW',
  ].join('\n'),
);

const WORDS = [
  'where',
  'is',
  'my',
  'order',
  'the',
  'status',
  'track',
  'please',
  'unknownword',
  "it's",
  '42',
  '{OrderNumber}',
];

function localeWithUtterances(base: BotLocale, utterances: string[]): BotLocale {
  return {
    ...base,
    Intents: (base.Intents ?? [])
      .filter((intent) => intent.Name === 'CheckOrderStatus' || intent.Name === 'FallbackIntent')
      .map((intent) =>
        intent.Name === 'CheckOrderStatus'
          ? { ...intent, SampleUtterances: utterances.map((Utterance) => ({ Utterance })) }
          : intent,
      ),
  };
}

/** Every `<rule>` the grammar references is defined, and every word of it is in the dictionary. */
function grammarProblems(built: BuiltGrammar): string[] {
  const body = built.jsgf.split('\n').filter((line) => !line.startsWith('#') && !line.startsWith('grammar '));
  const text = body.join('\n');
  const defined = new Set([...text.matchAll(/^(?:public )?<([A-Za-z0-9_]+)> =/gm)].map((m) => m[1]));
  const problems = [...text.matchAll(/<([A-Za-z0-9_]+)>/g)]
    .map((m) => m[1]!)
    .filter((name) => !defined.has(name))
    .map((name) => `undefined rule <${name}>`);
  const words = text
    .replace(/^(?:public )?<[A-Za-z0-9_]+> =/gm, ' ')
    .replace(/<[A-Za-z0-9_]+>/g, ' ')
    .split(/[\s|()[\];*+]+/)
    .filter(Boolean);
  problems.push(...DICTIONARY.missing(words).map((word) => `word not in the dictionary: ${word}`));
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
  ] as const) {
    if (text.split(open).length !== text.split(close).length) problems.push(`unbalanced ${open}${close}`);
  }
  return problems;
}

describe('JSGF grammar from the bot definition', () => {
  let base: BotLocale;
  beforeAll(async () => {
    const [bot] = await loadBots();
    base = findLocale(bot!, 'en_US')!;
  });

  it('keeps what the dictionary can say and reports what it leaves out, with the reason', () => {
    const built = buildGrammar(
      {
        locale: localeWithUtterances(base, ['where is my order', 'track unknownword {OrderNumber}']),
        faqQuestions: [],
      },
      DICTIONARY,
    );
    expect(built.jsgf).toContain('where is my order');
    expect(built.warnings.join('\n')).toMatch(/track unknownword \{OrderNumber\}" left out: .*unknownword/);
    expect(grammarProblems(built)).toEqual([]);
  });

  it('leaves a value said alone to the slot answers, not to an intent of its own', () => {
    const built = buildGrammar(
      { locale: localeWithUtterances(base, ['where is my order', '{OrderNumber}']), faqQuestions: [] },
      DICTIONARY,
    );
    const intentRule = /<intent_CheckOrderStatus> =([^;]*);/.exec(built.jsgf)?.[1] ?? '';
    expect(intentRule).toContain('where is my order');
    expect(intentRule).not.toContain('<builtin_Number>');
    expect(built.jsgf).toMatch(/<slot_answers> =\s+<builtin_Number>/);
  });

  it('the checker itself finds an undefined rule, an unknown word and an unbalanced group', () => {
    const broken = {
      jsgf: 'grammar parley;\npublic <a> = ( <b> zyzzyva;\n',
      words: new Set<string>(),
      dropped: [],
      warnings: [],
    };
    expect(grammarProblems(broken)).toEqual([
      'undefined rule <b>',
      'word not in the dictionary: zyzzyva',
      'unbalanced ()',
    ]);
  });

  it('refuses a locale it has no words for', () => {
    expect(() =>
      buildGrammar({ locale: { ...base, LocaleId: 'es_US' }, faqQuestions: [] }, DICTIONARY),
    ).toThrow(/English only/);
  });

  it('is well formed and uses only dictionary words, for any sample utterances', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), {
            minLength: 1,
            maxLength: 6,
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (utterances) => {
          const built = buildGrammar(
            {
              locale: localeWithUtterances(
                base,
                utterances.map((words) => words.join(' ')),
              ),
              faqQuestions: [],
            },
            DICTIONARY,
          );
          expect(grammarProblems(built)).toEqual([]);
          expect(built.jsgf).toMatch(/^#JSGF V1\.0;\n\ngrammar parley;\n/);
        },
      ),
      { numRuns: 150 },
    );
  });
});
