import fc from 'fast-check';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { SUPPORTED_BUILT_IN_SLOT_TYPES } from '../../../bot-definitions/loader/built-ins';
import { DefinitionError, loadBot } from '../../../bot-definitions/loader/load';
import type { BotLocale, Intent, Slot, SlotType } from '../../../bot-definitions/loader/schema';
import { makeTempRoot, removeTempRoot, validBotFiles, writeBot, type BotFiles } from './fixtures';

let root: string;
let folderCount = 0;
beforeAll(async () => {
  root = await makeTempRoot();
});
afterAll(async () => {
  await removeTempRoot(root);
});
const freshFolder = () => `Bot${folderCount++}`;

// Generated names carry a prefix so they cannot collide across kinds (an intent name is never a slot name,
// and "Undeclared" or "MissingType" are never generated), which keeps the injected defects unambiguous.
const intentName = fc.stringMatching(/^Intent[A-Za-z0-9]{1,6}$/);
const slotName = fc.stringMatching(/^Slot[A-Za-z0-9]{0,6}$/);
const typeName = fc.stringMatching(/^Type[A-Za-z0-9]{0,6}$/);
const vocabulary = [
  'please',
  'check',
  'my',
  'the',
  'want',
  'to',
  'can',
  'you',
  'need',
  'help',
  'with',
  'a',
  'for',
  'me',
];
const builtIns = [...SUPPORTED_BUILT_IN_SLOT_TYPES].filter((type) => type !== 'AMAZON.FreeFormInput');
const freeText = fc.string({ unit: 'grapheme', maxLength: 30 });
const message = (text: string) => ({
  MessageGroupsList: [{ Message: { PlainTextMessage: { Value: text } } }],
});

const slotTypeArb: fc.Arbitrary<SlotType> = fc
  .record({
    name: typeName,
    terms: fc.uniqueArray(fc.stringMatching(/^[a-z]{2,8}( [a-z]{2,8})?$/), {
      minLength: 1,
      maxLength: 6,
      selector: (t) => t,
    }),
  })
  .map(({ name, terms }) => ({
    Name: name,
    ValueSelectionSetting: { ResolutionStrategy: 'TOP_RESOLUTION' as const },
    // Pairs of distinct terms: a canonical value and its synonym.
    SlotTypeValues: terms
      .filter((_, index) => index % 2 === 0)
      .map((value, index) => {
        const synonym = terms[index * 2 + 1];
        return {
          SampleValue: { Value: value },
          ...(synonym === undefined ? {} : { Synonyms: [{ Value: synonym }] }),
        };
      }),
  }));

function intentArb(slotTypes: readonly string[]): fc.Arbitrary<(name: string) => Intent> {
  const slot = fc.record({ name: slotName, type: fc.constantFrom(...slotTypes), required: fc.boolean() });
  return fc
    .record({
      slots: fc.uniqueArray(slot, { maxLength: 3, selector: (s) => s.name }),
      utterances: fc.uniqueArray(fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 4 }), {
        minLength: 1,
        maxLength: 4,
        selector: (words) => words.join(' '),
      }),
      placeholderPicks: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
      description: fc.option(freeText, { nil: undefined }),
    })
    .map(({ slots, utterances, placeholderPicks, description }) => (name: string): Intent => {
      const slotDefinitions: Slot[] = slots.map((s) => ({
        Name: s.name,
        SlotTypeName: s.type,
        ValueElicitationSetting: {
          SlotConstraint: s.required ? 'Required' : 'Optional',
          PromptSpecification: { MaxRetries: 2, ...message(`Which {${s.name}}, [customer]?`) },
        },
      }));
      return {
        Name: name,
        ...(description === undefined ? {} : { Description: description }),
        // The intent's own name as a word keeps utterances of different intents distinct.
        SampleUtterances: utterances.map((words, index) => {
          const pick = (placeholderPicks[index] ?? 0) % (slots.length + 1);
          const placeholder = pick === 0 ? '' : ` {${slots[pick - 1]?.name}}`;
          return { Utterance: `${words.join(' ')} ${name.toLowerCase()}${placeholder}` };
        }),
        ...(slots.length === 0
          ? {}
          : {
              Slots: slotDefinitions,
              SlotPriorities: slots.map((s, index) => ({ Priority: index + 1, SlotName: s.name })),
              IntentClosingSetting: { ClosingResponse: message(`Done with {${slots[0]?.name}}.`) },
            }),
      };
    });
}

function localeArb(localeId: string, minIntents: number): fc.Arbitrary<BotLocale> {
  return fc
    .record({
      slotTypes: fc.uniqueArray(slotTypeArb, { maxLength: 2, selector: (t) => t.Name }),
      threshold: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .chain(({ slotTypes, threshold }) =>
      fc
        .record({
          names: fc.uniqueArray(intentName, {
            minLength: minIntents,
            maxLength: 4,
            selector: (n) => n.toLowerCase(),
          }),
          builders: fc.array(intentArb([...builtIns, ...slotTypes.map((t) => t.Name)]), {
            minLength: 4,
            maxLength: 4,
          }),
        })
        .map(({ names, builders }) => ({
          LocaleId: localeId,
          NluConfidenceThreshold: threshold,
          ...(slotTypes.length === 0 ? {} : { SlotTypes: slotTypes }),
          Intents: [
            ...names.map((name, index) => (builders[index] as (name: string) => Intent)(name)),
            { Name: 'FallbackIntent', ParentIntentSignature: 'AMAZON.FallbackIntent' },
          ],
        })),
    );
}

function botArb(minIntents: number): fc.Arbitrary<BotFiles> {
  return fc
    .record({
      localeIds: fc.subarray(['en_US', 'es_US', 'en_GB', 'fr_CA'], { minLength: 1, maxLength: 2 }),
      name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,10}$/),
      description: fc.option(freeText, { nil: undefined }),
      ttl: fc.integer({ min: 60, max: 86400 }),
    })
    .chain(({ localeIds, name, description, ttl }) =>
      fc.tuple(...localeIds.map((id) => localeArb(id, minIntents))).map((locales) => {
        const files = validBotFiles();
        files.bot = {
          Name: name,
          ...(description === undefined ? {} : { Description: description }),
          DataPrivacy: { ChildDirected: true },
          IdleSessionTTLInSeconds: ttl,
        };
        files.locales = Object.fromEntries(locales.map((locale) => [locale.LocaleId, locale]));
        return files;
      }),
    );
}

const byLocaleId = (a: BotLocale, b: BotLocale) => a.LocaleId.localeCompare(b.LocaleId);

it('loads generated valid bots, and the assembled definition survives a YAML round trip', async () => {
  await fc.assert(
    fc.asyncProperty(botArb(1), async (files) => {
      const bot = await loadBot(await writeBot(root, files, freshFolder()));
      expect(bot.definition).toEqual({
        ...files.bot,
        BotLocales: Object.values(files.locales).sort(byLocaleId),
      });

      const { BotLocales, ...topLevel } = bot.definition;
      const dumped = path.join(root, freshFolder());
      await fs.mkdir(dumped);
      await fs.writeFile(path.join(dumped, 'bot.yaml'), stringify(topLevel));
      await fs.writeFile(path.join(dumped, 'local.yaml'), stringify(bot.local));
      for (const locale of BotLocales)
        await fs.writeFile(path.join(dumped, `${locale.LocaleId}.yaml`), stringify(locale));
      expect((await loadBot(dumped)).definition).toEqual(bot.definition);
    }),
    { numRuns: 30 },
  );
});

type Defect = 'undeclared placeholder' | 'unknown slot type' | 'duplicate utterance across intents';
const expectedMessage: Record<Defect, string> = {
  'undeclared placeholder': '{Undeclared} is not a slot',
  'unknown slot type': 'slot type "MissingType" does not exist',
  'duplicate utterance across intents': 'duplicate utterance',
};

function inject(defect: Defect, intents: Intent[], target: Intent): void {
  if (defect === 'undeclared placeholder') {
    target.SampleUtterances?.push({ Utterance: 'tell me about {Undeclared}' });
  } else if (defect === 'unknown slot type') {
    const slot = target.Slots?.[0];
    if (slot !== undefined) {
      slot.SlotTypeName = 'MissingType';
    } else {
      target.Slots = [
        {
          Name: 'SlotAdded',
          SlotTypeName: 'MissingType',
          ValueElicitationSetting: { SlotConstraint: 'Optional' },
        },
      ];
      target.SlotPriorities = [{ Priority: 1, SlotName: 'SlotAdded' }];
    }
  } else {
    const other = intents[(intents.indexOf(target) + 1) % intents.length];
    const copied = other?.SampleUtterances?.[0];
    if (copied === undefined) throw new Error('generated intents always have utterances');
    target.SampleUtterances?.push({ ...copied });
  }
}

it('reports an injected defect in the right file and intent, never crashing', async () => {
  const defects: Defect[] = [
    'undeclared placeholder',
    'unknown slot type',
    'duplicate utterance across intents',
  ];
  await fc.assert(
    fc.asyncProperty(
      botArb(2),
      fc.constantFrom(...defects),
      fc.nat(),
      fc.nat(),
      async (files, defect, localePick, intentPick) => {
        const localeIds = Object.keys(files.locales);
        const localeId = localeIds[localePick % localeIds.length] as string;
        const intents = (files.locales[localeId]?.Intents ?? []).filter(
          (i) => i.ParentIntentSignature === undefined,
        );
        const target = intents[intentPick % intents.length] as Intent;
        inject(defect, intents, target);
        const folder = freshFolder();

        const error: unknown = await loadBot(await writeBot(root, files, folder)).catch((e: unknown) => e);

        expect(error).toBeInstanceOf(DefinitionError);
        const file = path.join(root, folder, `${localeId}.yaml`);
        const named = (error as DefinitionError).problems.filter(
          (p) =>
            p.file === file &&
            `${p.path} ${p.message}`.includes(`(${target.Name})`) &&
            p.message.includes(expectedMessage[defect]),
        );
        expect(named).not.toEqual([]);
      },
    ),
    { numRuns: 30 },
  );
});
