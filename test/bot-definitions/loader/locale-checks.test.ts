import path from 'node:path';
import { loadBot, type DefinitionProblem } from '../../../bot-definitions/loader/load';
import type { BotLocale, Intent, SlotType } from '../../../bot-definitions/loader/schema';
import { makeTempRoot, problemsOf, removeTempRoot, validBotFiles, writeBot, type BotFiles } from './fixtures';

let root: string;
beforeEach(async () => {
  root = await makeTempRoot();
});
afterEach(async () => {
  await removeTempRoot(root);
});

const localeFile = () => path.join(root, 'TestBot', 'en_US.yaml');

/** Problems of the fixture bot after `change` edits its en_US locale. */
async function problemsAfter(
  change: (locale: BotLocale, files: BotFiles) => void,
): Promise<DefinitionProblem[]> {
  const files = validBotFiles();
  const locale = files.locales.en_US;
  if (locale === undefined) throw new Error('fixture has no en_US');
  change(locale, files);
  return problemsOf(await writeBot(root, files));
}

function intent(locale: BotLocale, name: string): Intent {
  const found = locale.Intents?.find((i) => i.Name === name);
  if (found === undefined) throw new Error(`fixture has no intent ${name}`);
  return found;
}

function colorType(locale: BotLocale): SlotType {
  const found = locale.SlotTypes?.[0];
  if (found === undefined) throw new Error('fixture has no slot type');
  return found;
}

/** Exactly these problems, all in en_US.yaml, matched by path and a fragment of the message. */
function expectOnly(
  problems: DefinitionProblem[],
  expected: [path: string, message: string | RegExp][],
): void {
  expect(problems).toHaveLength(expected.length);
  expect(problems).toEqual(
    expect.arrayContaining(
      expected.map(([problemPath, message]) =>
        expect.objectContaining({
          file: localeFile(),
          path: problemPath,
          message:
            typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message),
        }),
      ),
    ),
  );
}

describe('intents', () => {
  it('rejects two intents with one name', async () => {
    const problems = await problemsAfter((locale) => {
      intent(locale, 'Greet').Name = 'OrderShirt';
      intent(locale, 'OrderShirt').SampleUtterances = [{ Utterance: 'buy a shirt' }];
    });
    expectOnly(problems, [
      ['Intents[1](OrderShirt).Name', 'intent "OrderShirt" is defined twice (first at Intents[0])'],
    ]);
  });

  it('requires a fallback intent', async () => {
    const problems = await problemsAfter((locale) => {
      locale.Intents = locale.Intents?.filter((i) => i.Name !== 'FallbackIntent');
    });
    expectOnly(problems, [['Intents', 'no fallback intent']]);
  });

  it('allows only one fallback intent', async () => {
    const problems = await problemsAfter((locale) => {
      locale.Intents?.push({ Name: 'OtherFallback', ParentIntentSignature: 'AMAZON.FallbackIntent' });
    });
    expectOnly(problems, [['Intents[3](OtherFallback).ParentIntentSignature', 'Intents[2] already is one']]);
  });

  it('gives the fallback intent no utterances and no slots', async () => {
    const problems = await problemsAfter((locale) => {
      const fallback = intent(locale, 'FallbackIntent');
      fallback.SampleUtterances = [{ Utterance: 'blah' }];
      fallback.Slots = [
        { Name: 'X', SlotTypeName: 'AMAZON.Number', ValueElicitationSetting: { SlotConstraint: 'Optional' } },
      ];
      fallback.SlotPriorities = [{ Priority: 1, SlotName: 'X' }];
    });
    expectOnly(problems, [
      ['Intents[2](FallbackIntent).SampleUtterances', 'takes no sample utterances'],
      ['Intents[2](FallbackIntent).Slots', 'cannot have slots'],
    ]);
  });
});

describe('slots', () => {
  it('rejects two slots with one name in an intent', async () => {
    const problems = await problemsAfter((locale) => {
      const slots = intent(locale, 'OrderShirt').Slots ?? [];
      slots.push({ ...structuredClone(slots[1]!), SlotTypeName: 'AMAZON.Date' });
    });
    expectOnly(problems, [['Intents[0](OrderShirt).Slots[2](Size).Name', 'slot "Size" is defined twice']]);
  });

  it('names a missing custom slot type and the ones that exist', async () => {
    const problems = await problemsAfter((locale) => {
      intent(locale, 'OrderShirt').Slots![0]!.SlotTypeName = 'Colour';
    });
    expectOnly(problems, [
      [
        'Intents[0](OrderShirt).Slots[0](Color).SlotTypeName',
        /^slot type "Colour" does not exist: .*this locale defines Color.*did you mean "Color"\?$/,
      ],
    ]);
  });

  it('lists the supported built-ins for an unsupported one', async () => {
    const problems = await problemsAfter((locale) => {
      intent(locale, 'OrderShirt').Slots![1]!.SlotTypeName = 'AMAZON.Airport';
    });
    expectOnly(problems, [
      [
        'Intents[0](OrderShirt).Slots[1](Size).SlotTypeName',
        /"AMAZON\.Airport" is not supported.*AMAZON\.Number, AMAZON\.Date.*AMAZON\.UKPostalCode/,
      ],
    ]);
  });

  it('needs a prompt for a required slot', async () => {
    const problems = await problemsAfter((locale) => {
      delete intent(locale, 'OrderShirt').Slots![0]!.ValueElicitationSetting.PromptSpecification;
    });
    expectOnly(problems, [
      [
        'Intents[0](OrderShirt).Slots[0](Color).ValueElicitationSetting.PromptSpecification',
        'is Required, so it needs a PromptSpecification',
      ],
    ]);
  });

  it('needs every slot in SlotPriorities exactly once with distinct priorities', async () => {
    const problems = await problemsAfter((locale) => {
      intent(locale, 'OrderShirt').SlotPriorities = [
        { Priority: 1, SlotName: 'Color' },
        { Priority: 1, SlotName: 'Colour' },
        { Priority: 3, SlotName: 'Color' },
      ];
    });
    expectOnly(problems, [
      [
        'Intents[0](OrderShirt).SlotPriorities[1](Colour).SlotName',
        '"Colour" is not a slot of intent OrderShirt; did you mean "Color"?',
      ],
      [
        'Intents[0](OrderShirt).SlotPriorities[1](Colour).Priority',
        'priority 1 is already used at SlotPriorities[0]',
      ],
      [
        'Intents[0](OrderShirt).SlotPriorities[2](Color).SlotName',
        'slot "Color" is already listed at SlotPriorities[0]',
      ],
      ['Intents[0](OrderShirt).SlotPriorities', 'slot "Size" is missing'],
    ]);
  });

  it('reports every unlisted slot when SlotPriorities is absent', async () => {
    const problems = await problemsAfter((locale) => {
      delete intent(locale, 'OrderShirt').SlotPriorities;
    });
    expectOnly(problems, [
      ['Intents[0](OrderShirt).SlotPriorities', 'slot "Color" is missing'],
      ['Intents[0](OrderShirt).SlotPriorities', 'slot "Size" is missing'],
    ]);
  });
});

describe('placeholders', () => {
  it('rejects an utterance placeholder that is not a slot of the intent', async () => {
    const problems = await problemsAfter((locale) => {
      intent(locale, 'Greet').SampleUtterances?.push({ Utterance: 'hi I want {Color}' });
    });
    expectOnly(problems, [
      [
        'Intents[1](Greet).SampleUtterances[2].Utterance',
        '{Color} is not a slot of intent Greet (it has no slots)',
      ],
    ]);
  });

  it('rejects unbalanced braces in utterances and messages', async () => {
    const problems = await problemsAfter((locale) => {
      const order = intent(locale, 'OrderShirt');
      order.SampleUtterances?.push({ Utterance: 'a {Color shirt' }, { Utterance: 'a Color} shirt' });
      order.IntentClosingSetting = {
        ClosingResponse: {
          MessageGroupsList: [{ Message: { PlainTextMessage: { Value: 'Done {{Color}}' } } }],
        },
      };
    });
    expectOnly(problems, [
      [
        'Intents[0](OrderShirt).SampleUtterances[2].Utterance',
        'unbalanced braces: "{" at position 3 is never closed',
      ],
      [
        'Intents[0](OrderShirt).SampleUtterances[3].Utterance',
        'unbalanced braces: "}" at position 8 has no matching "{"',
      ],
      [
        'Intents[0](OrderShirt).IntentClosingSetting.ClosingResponse.MessageGroupsList[0].Message.PlainTextMessage.Value',
        'opens inside the placeholder',
      ],
      [
        'Intents[0](OrderShirt).IntentClosingSetting.ClosingResponse.MessageGroupsList[0].Message.PlainTextMessage.Value',
        'has no matching',
      ],
    ]);
  });

  it('checks prompts, variations, SSML, cards and slot sample utterances, but not session attributes', async () => {
    const problems = await problemsAfter((locale) => {
      const order = intent(locale, 'OrderShirt');
      const color = order.Slots![0]!.ValueElicitationSetting;
      color.PromptSpecification!.MessageGroupsList[0]!.Variations = [
        { SSMLMessage: { Value: '<speak>{Colr}?</speak>' } },
      ];
      color.SampleUtterances = [{ Utterance: 'make it {Color}' }, { Utterance: 'size {Sise}' }];
      order.FulfillmentCodeHook = {
        Enabled: true,
        PostFulfillmentStatusSpecification: {
          SuccessResponse: {
            MessageGroupsList: [
              {
                Message: {
                  ImageResponseCard: {
                    Title: 'Your {Color} shirt',
                    Buttons: [{ Text: '{Price}', Value: '[price]' }],
                  },
                },
              },
            ],
          },
        },
      };
    });
    const prompt = 'Intents[0](OrderShirt).Slots[0](Color).ValueElicitationSetting';
    expectOnly(problems, [
      [
        `${prompt}.PromptSpecification.MessageGroupsList[0].Variations[0].SSMLMessage.Value`,
        '{Colr} is not a slot of intent OrderShirt (its slots: Color, Size); did you mean "Color"?',
      ],
      [`${prompt}.SampleUtterances[1].Utterance`, '{Sise} is not a slot'],
      [
        'Intents[0](OrderShirt).FulfillmentCodeHook.PostFulfillmentStatusSpecification.SuccessResponse.MessageGroupsList[0].Message.ImageResponseCard.Buttons[0].Text',
        '{Price} is not a slot',
      ],
    ]);
  });

  it('keeps AMAZON.FreeFormInput slots out of intent sample utterances', async () => {
    const problems = await problemsAfter((locale) => {
      const order = intent(locale, 'OrderShirt');
      order.Slots![1]!.SlotTypeName = 'AMAZON.FreeFormInput';
      order.SampleUtterances?.push({ Utterance: 'shirt with note {Size}' });
    });
    expectOnly(problems, [
      ['Intents[0](OrderShirt).SampleUtterances[2].Utterance', '{Size} is an AMAZON.FreeFormInput slot'],
    ]);
  });
});

describe('dialog actions', () => {
  it('needs SlotToElicit to name a slot of the intent, or of the intent it switches to', async () => {
    const problems = await problemsAfter((locale) => {
      const order = intent(locale, 'OrderShirt');
      order.IntentClosingSetting = {
        NextStep: { DialogAction: { Type: 'ElicitSlot', SlotToElicit: 'Colour' } },
      };
      order.InitialResponseSetting = { NextStep: { DialogAction: { Type: 'ElicitSlot' } } };
      order.Slots![0]!.ValueElicitationSetting.SlotCaptureSetting = {
        FailureNextStep: {
          DialogAction: { Type: 'ElicitSlot', SlotToElicit: 'Size' },
          Intent: { Name: 'Greet' },
        },
        CaptureNextStep: { DialogAction: { Type: 'StartIntent' }, Intent: { Name: 'Gret' } },
      };
      intent(locale, 'Greet').IntentClosingSetting = {
        NextStep: {
          DialogAction: { Type: 'ElicitSlot', SlotToElicit: 'Color' },
          Intent: { Name: 'OrderShirt' },
        },
      };
    });
    const capture = 'Intents[0](OrderShirt).Slots[0](Color).ValueElicitationSetting.SlotCaptureSetting';
    expectOnly(problems, [
      [
        'Intents[0](OrderShirt).IntentClosingSetting.NextStep.DialogAction.SlotToElicit',
        '"Colour" is not a slot of intent OrderShirt; did you mean "Color"?',
      ],
      [
        'Intents[0](OrderShirt).InitialResponseSetting.NextStep.DialogAction',
        'an ElicitSlot dialog action needs SlotToElicit',
      ],
      [`${capture}.FailureNextStep.DialogAction.SlotToElicit`, '"Size" is not a slot of intent Greet'],
      [
        `${capture}.CaptureNextStep.Intent.Name`,
        '"Gret" is not an intent of this locale; did you mean "Greet"?',
      ],
    ]);
  });
});

describe('duplicate utterances', () => {
  it('finds repeats within an intent, ignoring case, spacing, accents and ?!.,¿¡', async () => {
    const problems = await problemsAfter((locale) => {
      intent(locale, 'Greet').SampleUtterances?.push(
        { Utterance: '¡Hi,  THERE!' },
        { Utterance: 'hi there friend' },
      );
    });
    expectOnly(problems, [
      [
        'Intents[1](Greet).SampleUtterances[2].Utterance',
        /"¡Hi, {2}THERE!" is the same as "hi there" at SampleUtterances\[1\] of the same intent/,
      ],
    ]);
  });

  it('finds repeats across intents and names both places', async () => {
    const problems = await problemsAfter((locale) => {
      intent(locale, 'Greet').SampleUtterances?.push({ Utterance: 'Órder a shirt?' });
    });
    expectOnly(problems, [
      [
        'Intents[1](Greet).SampleUtterances[2].Utterance',
        'same as "order a shirt" at Intents[0](OrderShirt).SampleUtterances[0]',
      ],
    ]);
  });
});

describe('slot types', () => {
  it('rejects two slot types with one name', async () => {
    const problems = await problemsAfter((locale) => {
      locale.SlotTypes?.push(structuredClone(colorType(locale)));
    });
    expectOnly(problems, [['SlotTypes[1](Color).Name', 'slot type "Color" is defined twice']]);
  });

  it('needs values for TOP_RESOLUTION', async () => {
    const problems = await problemsAfter((locale) => {
      colorType(locale).SlotTypeValues = [];
    });
    expectOnly(problems, [
      [
        'SlotTypes[0](Color).ValueSelectionSetting.ResolutionStrategy',
        'needs at least one SlotTypeValues entry',
      ],
    ]);
  });

  it('accepts ORIGINAL_VALUE without values', async () => {
    const files = validBotFiles();
    const color = files.locales.en_US!.SlotTypes![0]!;
    color.ValueSelectionSetting = { ResolutionStrategy: 'ORIGINAL_VALUE' };
    color.SlotTypeValues = [];
    const loaded = await loadBot(await writeBot(root, files));
    expect(loaded.definition.BotLocales[0]?.SlotTypes?.[0]?.SlotTypeValues).toEqual([]);
  });

  it('rejects a value or synonym that resolves to two canonical values', async () => {
    const problems = await problemsAfter((locale) => {
      colorType(locale).SlotTypeValues = [
        { SampleValue: { Value: 'red' }, Synonyms: [{ Value: 'crimson' }, { Value: 'Red' }] },
        { SampleValue: { Value: 'blue' }, Synonyms: [{ Value: 'Crimson' }] },
        { SampleValue: { Value: 'RED' } },
        { SampleValue: { Value: 'blue' } },
      ];
    });
    expectOnly(problems, [
      [
        'SlotTypes[0](Color).SlotTypeValues[1](blue).Synonyms[0].Value',
        '"Crimson" would resolve to two values: "blue" here and "red" at SlotTypeValues[0]',
      ],
      ['SlotTypes[0](Color).SlotTypeValues[2](RED).SampleValue.Value', '"RED" would resolve to two values'],
      [
        'SlotTypes[0](Color).SlotTypeValues[3](blue).SampleValue.Value',
        'value "blue" is listed twice (also at SlotTypeValues[1])',
      ],
    ]);
  });

  it('allows a RegexFilter only under AMAZON.AlphaNumeric', async () => {
    const problems = await problemsAfter((locale) => {
      locale.SlotTypes?.push(
        {
          Name: 'Sku',
          ValueSelectionSetting: {
            ResolutionStrategy: 'ORIGINAL_VALUE',
            RegexFilter: { Pattern: '[A-Z]{3}' },
          },
        },
        {
          Name: 'Code',
          ParentSlotTypeSignature: 'AMAZON.Number',
          ValueSelectionSetting: { ResolutionStrategy: 'ORIGINAL_VALUE' },
        },
        {
          Name: 'Ticket',
          ParentSlotTypeSignature: 'AMAZON.AlphaNumeric',
          ValueSelectionSetting: {
            ResolutionStrategy: 'ORIGINAL_VALUE',
            RegexFilter: { Pattern: 'T[0-9]{4,8}\\.[a-z.]{1,3}' },
          },
        },
      );
    });
    expectOnly(problems, [
      [
        'SlotTypes[1](Sku).ValueSelectionSetting.RegexFilter',
        'a RegexFilter needs ParentSlotTypeSignature: AMAZON.AlphaNumeric',
      ],
      ['SlotTypes[2](Code).ParentSlotTypeSignature', '"AMAZON.Number" cannot be a parent slot type'],
    ]);
  });

  it('rejects patterns Lex refuses or JavaScript cannot compile', async () => {
    const problems = await problemsAfter((locale) => {
      locale.SlotTypes?.push({
        Name: 'Ticket',
        ParentSlotTypeSignature: 'AMAZON.AlphaNumeric',
        ValueSelectionSetting: {
          ResolutionStrategy: 'ORIGINAL_VALUE',
          RegexFilter: { Pattern: '(T.[0-9]+' },
        },
      });
    });
    const pattern = 'SlotTypes[1](Ticket).ValueSelectionSetting.RegexFilter.Pattern';
    expectOnly(problems, [
      [pattern, 'does not compile as a regular expression'],
      [pattern, 'wildcard "."'],
      [pattern, 'unbounded repeat "+"'],
    ]);
  });
});
