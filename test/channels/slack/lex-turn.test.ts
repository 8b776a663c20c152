import {
  ConflictException,
  LexRuntimeV2Client,
  RecognizeTextCommand,
  ValidationException,
} from '@aws-sdk/client-lex-runtime-v2';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { askLex, textForLex } from '../../../channels/slack/lex-turn';

const BOT = 'U0PARLEYBOT';
const LEX_TEXT_MAX = 1024;
const RUNS = { numRuns: 300 };

describe('textForLex', () => {
  it.each([
    ['the bot mention', `<@${BOT}> do you ship to Canada?`, 'do you ship to Canada?'],
    ['the bot mention with a label', `<@${BOT}|parley> hi`, 'hi'],
    ['the bot mention mid-sentence', `so <@${BOT}>, where is my order?`, 'so , where is my order?'],
    ['nothing but the bot mention', `  <@${BOT}>  `, ''],
    ['another person', `ask <@U0ALICE> first`, 'ask someone first'],
    ['another person with a label', `ask <@U0ALICE|alice> first`, 'ask alice first'],
    ['a channel', 'see <#C0GENERAL|general>', 'see #general'],
    ['a channel without a name', 'see <#C0GENERAL>', 'see #channel'],
    [
      'a labelled link',
      'read <https://example.com/returns|the returns page> please',
      'read the returns page please',
    ],
    ['a bare link', 'read <https://example.com/returns>', 'read https://example.com/returns'],
    ['a mailto link', 'write to <mailto:help@example.com|help@example.com>', 'write to help@example.com'],
    ['a bare mailto', 'write to <mailto:help@example.com>', 'write to help@example.com'],
    ['a special mention', '<!here> anyone around?', 'anyone around?'],
    ['a user group', '<!subteam^S0SUPPORT|@support> help', 'help'],
    ['entities', 'fish &amp; chips &lt;3 &gt;_&lt;', 'fish & chips <3 >_<'],
    ['a doubly escaped entity, decoded once', 'type &amp;lt; to get &lt;', 'type &lt; to get <'],
    ['runs of whitespace', ' \n\t where\u00a0 is \r\n my   order \t', 'where is my order'],
    ['markup next to words', `hi<@${BOT}>there<#C1|x>!`, 'hi there #x !'],
  ])('turns %s into words', (_name, slack, lex) => {
    expect(textForLex(slack, BOT)).toBe(lex);
  });

  it("keeps to Lex's limit without cutting an emoji in half", () => {
    const text = textForLex(`${'a'.repeat(1023)}😀`, undefined);
    expect(text.length).toBeLessThanOrEqual(1024);
    expect(text).not.toMatch(/[\ud800-\udbff]$/);
  });

  it('reads the bot as anyone else when its id is unknown', () => {
    expect(textForLex(`<@${BOT}> hi`, undefined)).toBe('someone hi');
  });

  it('cuts long text to what RecognizeText takes, without trailing space', () => {
    const text = textForLex(`<@${BOT}> ${'word '.repeat(400)}`, BOT);
    expect(text.length).toBeLessThanOrEqual(LEX_TEXT_MAX);
    expect(text).toBe('word '.repeat(400).slice(0, LEX_TEXT_MAX).trim());
  });

  /** Slack message text: words, whitespace, markup of every kind, entities, and arbitrary Unicode. */
  const word = fc.stringMatching(/^[A-Za-z0-9?!.,'é]{1,12}$/);
  const fragment = fc.oneof(
    { weight: 4, arbitrary: word },
    { weight: 3, arbitrary: fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\r\n') },
    { weight: 2, arbitrary: fc.constantFrom(`<@${BOT}>`, `<@${BOT}|parley>`) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '<@U0ALICE>',
        '<@U0BOB|bob>',
        '<#C0GENERAL|general>',
        '<#C0X>',
        '<https://example.com/a?b=c&amp;d=e|a link>',
        '<http://x.y>',
        '<mailto:a@b.co|a@b.co>',
        '<!here>',
        '<!channel>',
        '<!subteam^S1|@team>',
      ),
    },
    { weight: 2, arbitrary: fc.constantFrom('&amp;', '&lt;', '&gt;', '&amp;amp;', '&', '<', '>', '|') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  );
  const slackText = fc.oneof(
    fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join('')),
    // Long enough to be cut.
    fc.array(fragment, { minLength: 300, maxLength: 700 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', maxLength: 2000 }),
  );

  it('always gives trimmed single-spaced text within the Lex limit', () => {
    let cut = 0;
    fc.assert(
      fc.property(slackText, (slack) => {
        const lex = textForLex(slack, BOT);
        expect(lex.length).toBeLessThanOrEqual(LEX_TEXT_MAX);
        expect(lex).toBe(lex.trim());
        expect(lex).not.toMatch(/\s\s/);
        expect(lex).not.toMatch(/[^\S ]/);
        if (slack.length > 1500 && lex.length > 900) cut += 1;
      }),
      RUNS,
    );
    expect(cut).toBeGreaterThan(10);
  });

  it('never passes on the bot mention', () => {
    // Slack writes markup with raw < and >; text the person typed literally arrives escaped (`&lt;@U…&gt;`),
    // and decoding that gives back the characters they typed, which are theirs to send.
    const markupOnly = slackText.filter((slack) => !/&lt;|&gt;/.test(slack));
    fc.assert(
      fc.property(markupOnly, (slack) => {
        const lex = textForLex(slack, BOT);
        expect(lex).not.toContain(`<@${BOT}>`);
        expect(lex).not.toContain(`<@${BOT}|`);
      }),
      RUNS,
    );
  });

  it('keeps every word around mentions, in order, as single-spaced text', () => {
    const spaced = fc.array(
      fc.record({
        word,
        before: fc.constantFrom('', `<@${BOT}> `, ` <@${BOT}|parley>`, '<!here> '),
        gap: fc.constantFrom(' ', '\n', '\t ', '   '),
      }),
      { minLength: 1, maxLength: 250 },
    );
    fc.assert(
      fc.property(spaced, (parts) => {
        const slack = parts.map((part) => `${part.before}${part.word}${part.gap}`).join('');
        const words = parts.map((part) => part.word).join(' ');
        expect(textForLex(slack, BOT)).toBe(words.slice(0, LEX_TEXT_MAX).trim());
      }),
      RUNS,
    );
  });

  it('shows other people, channels and links by their labels', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/);
    fc.assert(
      fc.property(label, label, label, label, (person, channel, link, mail) => {
        const slack = `<@U0OTHER|${person}> in <#C0X|${channel}>: <https://x.example/${link}|${link}> <mailto:${mail}@x.example>`;
        expect(textForLex(slack, BOT)).toBe(`${person} in #${channel} : ${link} ${mail}@x.example`);
      }),
      RUNS,
    );
  });

  it('decodes Slack entities once', () => {
    const piece = fc.oneof(word, fc.constantFrom('&amp;', '&lt;', '&gt;', ' '));
    const decode = (text: string) =>
      text.replace(/&(amp|lt|gt);/g, (_m, name: string) => ({ amp: '&', lt: '<', gt: '>' })[name] ?? '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const slack = pieces.join('');
        expect(textForLex(slack, BOT)).toBe(decode(slack).replace(/\s+/g, ' ').trim());
      }),
      RUNS,
    );
  });
});

describe('askLex', () => {
  const lex = mockClient(LexRuntimeV2Client);
  const target = { client: new LexRuntimeV2Client({}), botId: 'B', botAliasId: 'A', localeId: 'en_US' };
  const conflict = () => new ConflictException({ message: 'Session busy', $metadata: {} });
  afterEach(() => lex.reset());
  afterAll(() => lex.restore());

  it('asks again while Lex is busy with an earlier message of the session (ConflictException)', async () => {
    lex
      .on(RecognizeTextCommand)
      .rejectsOnce(conflict())
      .rejectsOnce(conflict())
      .resolves({ sessionId: 's1' });
    await expect(askLex(target, 's1', 'hi', [1, 1, 1])).resolves.toMatchObject({ sessionId: 's1' });
    expect(lex.commandCalls(RecognizeTextCommand)).toHaveLength(3);
  });

  it('gives up with the conflict after its last try, and never retries other errors', async () => {
    lex.on(RecognizeTextCommand).rejects(conflict());
    await expect(askLex(target, 's1', 'hi', [1, 1])).rejects.toMatchObject({ name: 'ConflictException' });
    expect(lex.commandCalls(RecognizeTextCommand)).toHaveLength(3);
    lex.reset();
    lex.on(RecognizeTextCommand).rejects(new ValidationException({ message: 'bad', $metadata: {} }));
    await expect(askLex(target, 's1', 'hi', [1, 1])).rejects.toMatchObject({ name: 'ValidationException' });
    expect(lex.commandCalls(RecognizeTextCommand)).toHaveLength(1);
  });
});
