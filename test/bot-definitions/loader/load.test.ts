import { promises as fs } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  DefinitionError,
  findLocale,
  formatProblem,
  loadBot,
  loadBots,
  type DefinitionProblem,
} from '../../../bot-definitions/loader/load';
import { makeTempRoot, problemsOf, removeTempRoot, validBotFiles, validLocale, writeBot } from './fixtures';

let root: string;
beforeEach(async () => {
  root = await makeTempRoot();
});
afterEach(async () => {
  await removeTempRoot(root);
});

const botFile = (name: string, folder = 'TestBot') => path.join(root, folder, name);

/** 1-based line of the first line of `file` that contains `text`. */
async function lineOf(file: string, text: string): Promise<number> {
  const index = (await fs.readFile(file, 'utf8')).split('\n').findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${text} not in ${file}`);
  return index + 1;
}

describe('loadBot on a valid folder', () => {
  it('assembles bot.yaml and the locales, sorted by LocaleId, with local settings and defaults', async () => {
    const files = validBotFiles();
    files.locales = { es_US: validLocale('es_US'), en_US: validLocale('en_US') };
    const directory = await writeBot(root, files);

    const bot = await loadBot(path.relative(process.cwd(), directory));

    expect(bot.definition).toEqual({
      ...files.bot,
      BotLocales: [validLocale('en_US'), validLocale('es_US')],
    });
    expect(bot.local).toEqual({
      ...files.local,
      CodeHook: { Module: 'functions/hook', Export: 'handler', TimeoutSeconds: 30 },
    });
    expect(bot.directory).toBe(directory);
    expect(findLocale(bot, 'es_US')?.LocaleId).toBe('es_US');
    expect(findLocale(bot, 'fr_CA')).toBeUndefined();
  });
});

describe('bot folder layout', () => {
  it('needs the locale file named after its LocaleId', async () => {
    const files = validBotFiles();
    files.locales = { 'en-US': validLocale('en_US') };
    const problems = await problemsOf(await writeBot(root, files));
    expect(problems).toEqual([
      {
        file: botFile('en-US.yaml'),
        path: 'LocaleId',
        line: 1,
        message: 'LocaleId is en_US, so the file must be named en_US.yaml, not en-US.yaml',
      },
    ]);
  });

  it('rejects a locale defined in two files', async () => {
    const files = validBotFiles();
    files.locales = { en_US: validLocale('en_US'), english: validLocale('en_US') };
    const problems = await problemsOf(await writeBot(root, files));
    expect(problems).toHaveLength(2);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: botFile('english.yaml'),
        path: 'LocaleId',
        message: expect.stringContaining('must be named en_US.yaml'),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: botFile('english.yaml'),
        path: 'LocaleId',
        message: `locale en_US is already defined in ${botFile('en_US.yaml')}`,
      }),
    );
  });

  it('needs at least one locale file', async () => {
    const files = validBotFiles();
    files.locales = {};
    const problems = await problemsOf(await writeBot(root, files));
    expect(problems).toEqual([
      {
        file: path.join(root, 'TestBot'),
        path: '(directory)',
        message: 'no locale files: add one <LocaleId>.yaml per locale, such as en_US.yaml',
      },
    ]);
  });

  it('needs bot.yaml and local.yaml', async () => {
    const directory = await writeBot(root, validBotFiles());
    await fs.rm(path.join(directory, 'bot.yaml'));
    await fs.rm(path.join(directory, 'local.yaml'));
    const problems = await problemsOf(directory);
    expect(problems).toEqual([
      expect.objectContaining({
        file: botFile('bot.yaml'),
        path: '(document)',
        message: expect.stringContaining('bot.yaml is missing'),
      }),
      expect.objectContaining({
        file: botFile('local.yaml'),
        path: '(document)',
        message: expect.stringContaining('local.yaml is missing'),
      }),
    ]);
  });

  it('flags .yml files, which would otherwise be silently ignored', async () => {
    const directory = await writeBot(root, validBotFiles());
    await fs.writeFile(path.join(directory, 'es_US.yml'), stringify(validLocale('es_US')));
    const problems = await problemsOf(directory);
    expect(problems).toEqual([
      expect.objectContaining({
        file: botFile('es_US.yml'),
        message: expect.stringContaining('end in .yaml'),
      }),
    ]);
  });

  it('keeps the locales out of bot.yaml', async () => {
    const files = validBotFiles();
    Object.assign(files.bot, { BotLocales: [validLocale()] });
    const problems = await problemsOf(await writeBot(root, files));
    expect(problems).toEqual([
      expect.objectContaining({
        file: botFile('bot.yaml'),
        path: 'BotLocales',
        message: expect.stringContaining('its own <LocaleId>.yaml'),
      }),
    ]);
  });

  it('validates local.yaml', async () => {
    const files = validBotFiles();
    files.local.BotId = 'short';
    const problems = await problemsOf(await writeBot(root, files));
    expect(problems).toEqual([
      {
        file: botFile('local.yaml'),
        path: 'BotId',
        line: 1,
        message: 'must be exactly 10 letters or digits, like a real bot id',
      },
    ]);
  });
});

describe('schema and YAML problems', () => {
  it('names an unknown property, suggests the intended one and gives its line', async () => {
    const files = validBotFiles();
    Object.assign(files.locales.en_US!.Intents![1]!, { SampleUtterance: [{ Utterance: 'hey' }] });
    const directory = await writeBot(root, files);
    const problems = await problemsOf(directory);
    expect(problems).toEqual([
      {
        file: botFile('en_US.yaml'),
        path: 'Intents[1](Greet).SampleUtterance',
        line: await lineOf(botFile('en_US.yaml'), 'SampleUtterance:'),
        message:
          'unknown property "SampleUtterance" (CloudFormation rejects unknown properties); did you mean "SampleUtterances"?',
      },
    ]);
  });

  it('lists the allowed properties when no name is close', async () => {
    const files = validBotFiles();
    Object.assign(files.bot, { Colour: 'blue' });
    const problems = await problemsOf(await writeBot(root, files));
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'Colour',
        message: expect.stringContaining('allowed here: Name, Description, DataPrivacy'),
      }),
    ]);
  });

  it('words type and missing-property errors for YAML', async () => {
    const directory = await writeBot(root, validBotFiles());
    await fs.writeFile(
      path.join(directory, 'en_US.yaml'),
      [
        'LocaleId: en_US',
        'Intents:',
        '  - Name: Count',
        '    SampleUtterances:',
        '      - Utterance: 42',
        '',
      ].join('\n'),
    );
    const problems = await problemsOf(directory);
    expect(problems).toEqual([
      {
        file: botFile('en_US.yaml'),
        path: 'NluConfidenceThreshold',
        line: 1,
        message: 'required property is missing (expected a number)',
      },
      {
        file: botFile('en_US.yaml'),
        path: 'Intents[0](Count).SampleUtterances[0].Utterance',
        line: 5,
        message: 'expected a string, got the number 42; quote it in YAML to keep it text',
      },
    ]);
  });

  it('reports an empty file', async () => {
    const directory = await writeBot(root, validBotFiles());
    await fs.writeFile(path.join(directory, 'local.yaml'), '# nothing yet\n');
    expect(await problemsOf(directory)).toEqual([
      {
        file: botFile('local.yaml'),
        path: '(document)',
        message: 'the file is empty; expected a YAML mapping',
      },
    ]);
  });

  it('reports a YAML syntax error with line and column', async () => {
    const directory = await writeBot(root, validBotFiles());
    await fs.writeFile(
      path.join(directory, 'bot.yaml'),
      'Name: TestBot\nDataPrivacy: {ChildDirected: false\nIdleSessionTTLInSeconds: 300\n',
    );
    const problems = await problemsOf(directory);
    expect(problems).toEqual([
      expect.objectContaining({
        file: botFile('bot.yaml'),
        path: '(document)',
        line: expect.any(Number),
        column: expect.any(Number),
      }),
    ]);
    expect(problems[0]?.message).toMatch(/^YAML syntax error: /);
    expect(formatProblem(problems[0]!)).toMatch(
      /bot\.yaml:\(document\) \(line \d+, column \d+\): YAML syntax error: /,
    );
  });

  it('rejects duplicate keys and CloudFormation tags, which the emulator cannot evaluate', async () => {
    const directory = await writeBot(root, validBotFiles());
    await fs.writeFile(
      path.join(directory, 'bot.yaml'),
      'Name: A\nName: B\nDataPrivacy: {ChildDirected: false}\nIdleSessionTTLInSeconds: 300\n',
    );
    await fs.writeFile(
      path.join(directory, 'local.yaml'),
      stringify(validBotFiles().local).replace('functions/hook', '!Sub functions/hook'),
    );
    const problems = await problemsOf(directory);
    expect(problems).toEqual([
      expect.objectContaining({
        file: botFile('bot.yaml'),
        line: 2,
        message: 'YAML syntax error: Map keys must be unique',
      }),
      expect.objectContaining({ file: botFile('local.yaml'), message: 'YAML: Unresolved tag: !Sub' }),
    ]);
  });

  it('still runs the semantic checks of the other locales when one fails its schema', async () => {
    const files = validBotFiles();
    const spanish = validLocale('es_US');
    spanish.Intents = spanish.Intents?.filter((intent) => intent.Name !== 'FallbackIntent');
    files.locales = { en_US: { ...validLocale(), NluConfidenceThreshold: 2 }, es_US: spanish };
    const problems = await problemsOf(await writeBot(root, files));
    expect(problems.map((p) => [path.basename(p.file), p.path])).toEqual([
      ['en_US.yaml', 'NluConfidenceThreshold'],
      ['es_US.yaml', 'Intents'],
    ]);
  });

  it('orders problems by file and line', async () => {
    const files = validBotFiles();
    const locale = files.locales.en_US!;
    locale.Intents![1]!.SampleUtterances!.push({ Utterance: '{Late}' });
    locale.Intents![0]!.SampleUtterances!.push({ Utterance: '{Early}' });
    files.local.BotAliasId = 'bad';
    const problems = await problemsOf(await writeBot(root, files));
    expect(problems.map((p) => `${path.basename(p.file)}:${p.path}`)).toEqual([
      'en_US.yaml:Intents[0](OrderShirt).SampleUtterances[2].Utterance',
      'en_US.yaml:Intents[1](Greet).SampleUtterances[2].Utterance',
      'local.yaml:BotAliasId',
    ]);
    expect(problems[0]!.line).toBeLessThan(problems[1]!.line!);
  });
});

describe('DefinitionError', () => {
  const problems: DefinitionProblem[] = [
    {
      file: 'bot-definitions/X/en_US.yaml',
      path: 'Intents[2](CheckOrderStatus).Slots[0].SlotTypeName',
      line: 57,
      message: 'slot type "Foo" does not exist',
    },
    { file: 'bot-definitions/X', path: '(directory)', message: 'no locale files' },
    {
      file: 'bot-definitions/X/bot.yaml',
      path: '(document)',
      line: 3,
      column: 9,
      message: 'YAML syntax error: bad',
    },
  ];

  it('puts every problem on its own line as file:path: message', () => {
    const error = new DefinitionError(problems);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DefinitionError');
    expect(error.problems).toBe(problems);
    expect(error.message.split('\n')).toEqual([
      'bot-definitions/X/en_US.yaml:Intents[2](CheckOrderStatus).Slots[0].SlotTypeName (line 57): slot type "Foo" does not exist',
      'bot-definitions/X:(directory): no locale files',
      'bot-definitions/X/bot.yaml:(document) (line 3, column 9): YAML syntax error: bad',
    ]);
  });

  it('is what loadBot throws, with the same lines', async () => {
    const files = validBotFiles();
    files.locales.en_US!.Intents![1]!.SampleUtterances!.push({ Utterance: 'hi {Name}' });
    const error: unknown = await loadBot(await writeBot(root, files)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DefinitionError);
    const line = await lineOf(botFile('en_US.yaml'), 'hi {Name}');
    expect((error as DefinitionError).message).toBe(
      `${botFile('en_US.yaml')}:Intents[1](Greet).SampleUtterances[2].Utterance (line ${line}): {Name} is not a slot of intent Greet (it has no slots)`,
    );
  });
});

describe('loadBots', () => {
  it('loads every folder with a bot.yaml, in folder order, and ignores the others', async () => {
    const second = validBotFiles();
    second.bot.Name = 'AnotherBot';
    second.local.BotId = 'ANOTHERBOT';
    await writeBot(root, second, 'B');
    await writeBot(root, validBotFiles(), 'A');
    await fs.mkdir(path.join(root, 'notes'));
    await fs.writeFile(path.join(root, 'notes', 'README.md'), 'not a bot');
    const bots = await loadBots(root);
    expect(bots.map((bot) => bot.definition.Name)).toEqual(['TestBot', 'AnotherBot']);
  });

  it('collects the problems of all bots into one error', async () => {
    const first = validBotFiles();
    first.locales.en_US!.NluConfidenceThreshold = -1;
    const second = validBotFiles();
    second.bot.Name = 'Second';
    second.local.BotId = 'SECONDBOT1';
    second.locales.en_US!.Intents![1]!.Name = 'OrderShirt';
    await writeBot(root, first, 'A');
    await writeBot(root, second, 'B');
    const error: unknown = await loadBots(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DefinitionError);
    expect((error as DefinitionError).problems.map((p) => path.relative(root, p.file))).toEqual([
      path.join('A', 'en_US.yaml'),
      path.join('B', 'en_US.yaml'),
    ]);
  });

  it('needs bot names and BotIds to be unique across bots', async () => {
    await writeBot(root, validBotFiles(), 'A');
    await writeBot(root, validBotFiles(), 'B');
    const error: unknown = await loadBots(root).catch((e: unknown) => e);
    expect((error as DefinitionError).problems).toEqual([
      expect.objectContaining({
        file: botFile('bot.yaml', 'B'),
        path: 'Name',
        message: `bot name TestBot is already used by ${botFile('bot.yaml', 'A')}`,
      }),
      expect.objectContaining({
        file: botFile('local.yaml', 'B'),
        path: 'BotId',
        message: `BotId TESTBOT001 is already used by ${botFile('local.yaml', 'A')}`,
      }),
    ]);
  });

  it('reports a folder without bots, naming it relative to the repository when inside it', async () => {
    await expect(loadBots(__dirname)).rejects.toMatchObject({
      problems: [
        {
          file: 'test/bot-definitions/loader',
          path: '(directory)',
          message: expect.stringContaining('no bot definitions'),
        },
      ],
    });
    await expect(loadBots(path.join(root, 'absent'))).rejects.toBeInstanceOf(DefinitionError);
  });
});
