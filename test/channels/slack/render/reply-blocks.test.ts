import type { Message } from '@aws-sdk/client-lex-runtime-v2';
import fc from 'fast-check';
import type { AnswerDescription } from '../../../../functions/shared/answer-attribute';
import { decodeValue, FeedbackValueSchema, ReplyValueSchema } from '../../../../channels/slack/actions';
import { slackMessagesFor, type SlackCatalogue } from '../../../../channels/slack/messages';
import {
  BLOCK_IDS,
  renderLexReply,
  type LexReply,
  type ReplyContext,
  type SlackPost,
} from '../../../../channels/slack/render/reply-blocks';

/** Block Kit limits, as Slack documents them (not read from the module under test). */
const MAX_BLOCKS = 50;
const MAX_SECTION_TEXT = 3000;
const MAX_BUTTON_TEXT = 75;
const MAX_BUTTON_VALUE = 2000;
const MAX_BUTTONS_PER_ACTIONS = 25;

const SESSION = 'slack:T0PARLEY01:C0GENERAL1:1733450000.000100:U0ALICE';
const ASKER = 'U0ALICE';
const en_US = slackMessagesFor('en_US');
const es_US = slackMessagesFor('es_US');
const context = (catalogue: SlackCatalogue = en_US): ReplyContext => ({
  sessionId: SESSION,
  asker: ASKER,
  catalogue,
});

/** The parts of a block these tests read; the module's blocks are KnownBlocks. */
interface Element {
  type: string;
  text?: { type: string; text: string } | string;
  action_id?: string;
  value?: string;
}
interface Block {
  type: string;
  block_id?: string;
  text?: { type: string; text: string };
  elements?: Element[];
  accessory?: { type: string; image_url?: string; alt_text?: string };
}

const blocksOf = (post: SlackPost) => post.blocks as unknown as Block[];
const allBlocks = (posts: SlackPost[]) => posts.flatMap(blocksOf);
const actionsWithId = (posts: SlackPost[], blockId: string) =>
  allBlocks(posts).filter((block) => block.type === 'actions' && block.block_id === blockId);
const buttonLabel = (element: Element) =>
  typeof element.text === 'string' ? element.text : element.text?.text;

/** Every mrkdwn text in the posts: section texts and context elements. */
function mrkdwnTexts(posts: SlackPost[]): string[] {
  const texts: string[] = [];
  for (const block of allBlocks(posts)) {
    if (block.text?.type === 'mrkdwn') texts.push(block.text.text);
    if (block.type === 'context') {
      for (const element of block.elements ?? []) {
        if (element.type === 'mrkdwn' && typeof element.text === 'string') texts.push(element.text);
      }
    }
  }
  return texts;
}

const unescape = (text: string) =>
  text.replace(/&(amp|lt|gt);/g, (_match, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/** The words the sections show, in order (bold markers dropped; the generated words hold no `*`). */
function sectionWords(posts: SlackPost[]): string[] {
  return allBlocks(posts)
    .filter((block) => block.type === 'section')
    .flatMap((block) => wordsOf(unescape(block.text?.text ?? '').replace(/\*/g, '')));
}

// ---------------------------------------------------------------- generators

/** A word: ordinary, or one of the characters that must not reach Slack as markup. */
const VOCABULARY = (
  'your order ships in two to five business days. Returns are free within 30 days, and refunds take a week! ' +
  "Can't find it? Ask for an agent, we're open 9-5 Monday to Friday; the store at 12 Main St. opens at ten."
).split(' ');
const word = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9][a-z0-9'.,?!-]{0,11}$/) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '<!channel>',
      '<!here>',
      '<@U0BOB>',
      '<https://evil.example|click>',
      'a<b',
      '>',
      '&',
      'fish&chips',
      '&lt;',
      '&amp;',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('😀', '👩‍👩‍👧', '🇨🇦', 'señor', '日本語', '𝔘nicode') },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 6 })
      .map((w) => w.replace(/[\s*]/g, '') || 'x'),
  },
);
const gap = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '  ', '\t');
const sentence = (maxWords: number) =>
  fc.array(fc.tuple(word, gap), { minLength: 1, maxLength: maxWords }).map((parts) =>
    parts
      .map(([w, g]) => `${w}${g}`)
      .join('')
      .trim(),
  );

/** Plain text from a few words to about 20,000 characters (a paragraph repeated). */
const plainText = fc.oneof(
  { weight: 4, arbitrary: sentence(30) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(sentence(60), fc.integer({ min: 1, max: 60 }), gap)
      .map(([paragraph, times, g]) =>
        Array.from({ length: times }, () => paragraph)
          .join(g)
          .slice(0, 20_000),
      )
      .map((text) => text.replace(/\S+$/, '').trim() || 'x'),
  },
);

const plainMessage: fc.Arbitrary<Message> = plainText.map((content) => ({
  contentType: 'PlainText',
  content,
}));
const shortMessage: fc.Arbitrary<Message> = sentence(12).map((content) => ({
  contentType: 'PlainText',
  content,
}));
const longMessage: fc.Arbitrary<Message> = plainText
  .filter((content) => content.length > 3000)
  .map((content) => ({ contentType: 'PlainText', content }));
const ssmlMessage: fc.Arbitrary<Message> = fc
  .array(fc.stringMatching(/^[A-Za-z0-9]{1,10}$/), { minLength: 1, maxLength: 20 })
  .map((words) => ({
    contentType: 'SSML',
    content: `<speak>${words.join(' <break time="300ms"/> ')}</speak>`,
  }));
const ignoredMessage: fc.Arbitrary<Message> = fc.constantFrom<Message>(
  { contentType: 'PlainText', content: '   \n ' },
  { contentType: 'PlainText' },
  { contentType: 'CustomPayload', content: '{"x":1}' },
  { contentType: 'ImageResponseCard' },
);

/** Button texts and values well past Slack's limits, full of emoji and JSON-escaped characters. */
/** `piece` repeated: long strings, cheap to generate. */
const repeated = (piece: fc.Arbitrary<string>, maxTimes: number) =>
  fc.tuple(piece, fc.integer({ min: 1, max: maxTimes })).map(([text, times]) => text.repeat(times));
const buttonText = fc.oneof(
  sentence(4),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  repeated(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), 40),
  repeated(fc.constantFrom('a', 'ab', '😀', 'a😀', '"'), 100),
);
const buttonValue = fc.oneof(
  sentence(4),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
  repeated(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }), 300),
  repeated(fc.string({ minLength: 1, maxLength: 10 }), 300),
  // Characters JSON doubles: 500 of them must still fit a button value.
  repeated(fc.constantFrom('"', '\\', '"\\', '😀'), 1500),
);
const button = fc.record({ text: buttonText, value: buttonValue });
const buttons = fc.oneof(
  fc.constant<{ text: string; value: string }[]>([]),
  fc.array(button, { minLength: 1, maxLength: 5 }),
  fc.array(button, { minLength: 20, maxLength: 30 }),
);

/** Lex's own limits on a card: title and subtitle at most 250 characters. */
const cardLine = sentence(30).map((line) => line.slice(0, 250).trim() || 'x');
const cardMessage: fc.Arbitrary<Message> = fc
  .record(
    {
      title: cardLine,
      subtitle: cardLine,
      imageUrl: fc.constantFrom(
        'https://img.example/a.png',
        'http://img.example/a.png',
        'javascript:alert(1)',
      ),
      buttons,
    },
    { requiredKeys: ['title', 'buttons'] },
  )
  .map((imageResponseCard) => ({ contentType: 'ImageResponseCard', imageResponseCard }));

const answer: fc.Arbitrary<AnswerDescription> = fc.record(
  {
    source: fc.constantFrom('curated', 'model', 'no_passage', 'fallback_error'),
    turn: fc.integer({ min: 1, max: 1_000_000 }),
    citations: fc.array(
      fc.record({
        id: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
        title: fc
          .oneof(sentence(8), fc.constantFrom('Returns & refunds', '<Shipping>', 'Store hours'))
          .map((title) => title.slice(0, 200).trim() || 'x'),
      }),
      { maxLength: 5 },
    ),
  },
  { requiredKeys: ['source', 'citations'] },
);

const message = fc.oneof(
  { weight: 5, arbitrary: plainMessage },
  { weight: 3, arbitrary: cardMessage },
  { weight: 1, arbitrary: ssmlMessage },
  { weight: 1, arbitrary: ignoredMessage },
);
const lexReply: fc.Arbitrary<LexReply> = fc.record(
  {
    messages: fc.oneof(
      fc.array(message, { maxLength: 6 }),
      // Many short messages: more blocks than one post holds.
      fc.array(fc.oneof({ weight: 6, arbitrary: shortMessage }, { weight: 1, arbitrary: cardMessage }), {
        minLength: 40,
        maxLength: 80,
      }),
      // A few messages of thousands of characters each.
      fc.array(longMessage, { minLength: 2, maxLength: 12 }),
    ),
    dialogAction: fc.constantFrom('ConfirmIntent', 'ConfirmIntent', 'ElicitSlot', 'ElicitIntent', 'Close'),
    answer,
  },
  { requiredKeys: ['messages'] },
);
const catalogue = fc.constantFrom(en_US, es_US);

/** The words a reply's messages say, in order: what the sections must show. */
function expectedWords(reply: LexReply): string[] {
  return reply.messages.flatMap((m) => {
    if (m.contentType === 'ImageResponseCard' && m.imageResponseCard) {
      return wordsOf(`${m.imageResponseCard.title ?? ''} ${m.imageResponseCard.subtitle ?? ''}`);
    }
    if (m.contentType === 'SSML') return wordsOf((m.content ?? '').replace(/<[^>]*>/g, ' '));
    if (m.contentType === 'PlainText') return wordsOf(m.content ?? '');
    return [];
  });
}

/** Every usable card button of the reply, in order (Lex requires a text and a value on each). */
const cardChoices = (reply: LexReply) =>
  reply.messages.flatMap((m) =>
    m.contentType === 'ImageResponseCard'
      ? (m.imageResponseCard?.buttons ?? []).filter((button) => button.text && button.value)
      : [],
  );

// ---------------------------------------------------------------- tests

describe('renderLexReply', () => {
  it('renders a plain answer as one escaped section', () => {
    const posts = renderLexReply(
      { messages: [{ contentType: 'PlainText', content: 'Returns are free for <30 days> & easy.' }] },
      context(),
    );
    expect(posts).toEqual([
      {
        // Escaped too: Slack reads mentions and <!channel> pings in the notification text.
        text: 'Returns are free for &lt;30 days&gt; &amp; easy.',
        blocks: [
          {
            type: 'section',
            text: { type: 'mrkdwn', text: 'Returns are free for &lt;30 days&gt; &amp; easy.' },
          },
        ],
      },
    ]);
  });

  it('posts nothing for a turn without words', () => {
    expect(renderLexReply({ messages: [] }, context())).toEqual([]);
    expect(renderLexReply({ messages: [{ contentType: 'PlainText', content: '  ' }] }, context())).toEqual(
      [],
    );
  });

  it('renders a card as a bold heading with its image and reply buttons', () => {
    const [post, ...rest] = renderLexReply(
      {
        messages: [
          {
            contentType: 'ImageResponseCard',
            imageResponseCard: {
              title: 'Pick a size',
              subtitle: 'S <or> L',
              imageUrl: 'https://img.example/shirt.png',
              buttons: [
                { text: 'Small', value: 'small' },
                { text: 'Large', value: 'large' },
                { text: '', value: 'ignored' },
              ],
            },
          },
        ],
      },
      context(),
    );
    expect(rest).toEqual([]);
    const [heading, actions] = blocksOf(post!);
    expect(heading?.text?.text).toBe('*Pick a size*\nS &lt;or&gt; L');
    expect(heading?.accessory).toMatchObject({ type: 'image', image_url: 'https://img.example/shirt.png' });
    expect(actions?.block_id).toBe(BLOCK_IDS.reply);
    expect(actions?.elements?.map(buttonLabel)).toEqual(['Small', 'Large']);
    expect(actions?.elements?.map((e) => decodeValue(ReplyValueSchema, e.value))).toEqual([
      { text: 'small', asker: ASKER },
      { text: 'large', asker: ASKER },
    ]);
  });

  it('shows an image only from an https URL', () => {
    const [post] = renderLexReply(
      {
        messages: [
          {
            contentType: 'ImageResponseCard',
            imageResponseCard: { title: 'T', imageUrl: 'http://img.example/a.png' },
          },
        ],
      },
      context(),
    );
    expect(blocksOf(post!)[0]?.accessory).toBeUndefined();
  });

  it.each([
    ['en_US', en_US, ['Yes', 'No'], ['yes', 'no']],
    ['es_US', es_US, ['Sí', 'No'], ['sí', 'no']],
  ])('asks a ConfirmIntent question with yes/no buttons in %s', (_locale, catalogue, labels, texts) => {
    const posts = renderLexReply(
      {
        messages: [{ contentType: 'PlainText', content: 'Cancel order 123?' }],
        dialogAction: 'ConfirmIntent',
      },
      context(catalogue),
    );
    const [block, ...others] = actionsWithId(posts, BLOCK_IDS.reply);
    expect(others).toEqual([]);
    expect(block?.elements?.map(buttonLabel)).toEqual(labels);
    expect(block?.elements?.map((e) => decodeValue(ReplyValueSchema, e.value)?.text)).toEqual(texts);
  });

  it('uses the card’s buttons, not yes/no, when a ConfirmIntent comes with a card', () => {
    const posts = renderLexReply(
      {
        messages: [
          {
            contentType: 'ImageResponseCard',
            imageResponseCard: { title: 'Sure?', buttons: [{ text: 'Go ahead', value: 'yes' }] },
          },
        ],
        dialogAction: 'ConfirmIntent',
      },
      context(),
    );
    const reply = actionsWithId(posts, BLOCK_IDS.reply);
    expect(reply.map((block) => block.elements?.map(buttonLabel))).toEqual([['Go ahead']]);
  });

  it('lists each cited article once and offers feedback on a rated answer', () => {
    const posts = renderLexReply(
      {
        messages: [{ contentType: 'PlainText', content: 'We ship to Canada.' }],
        answer: {
          source: 'model',
          turn: 7,
          citations: [
            { id: 'a', title: 'Shipping <abroad>' },
            { id: 'b', title: 'Shipping <abroad>' },
            { id: 'c', title: 'Customs & duties' },
          ],
        },
      },
      context(es_US),
    );
    const context_ = allBlocks(posts).find((block) => block.type === 'context');
    expect(context_?.elements?.[0]?.text).toBe('Fuentes: Shipping &lt;abroad&gt; · Customs &amp; duties');
    const [feedback] = actionsWithId(posts, BLOCK_IDS.feedback);
    expect(feedback?.elements?.map(buttonLabel)).toEqual(['Me sirvió', 'No me sirvió']);
    expect(feedback?.elements?.map((e) => decodeValue(FeedbackValueSchema, e.value))).toEqual([
      { session: SESSION, turn: 7, verdict: 'helpful' },
      { session: SESSION, turn: 7, verdict: 'unhelpful' },
    ]);
  });

  it.each([
    ['no_passage', 3, false],
    ['fallback_error', 3, false],
    ['curated', undefined, false],
    ['model', undefined, false],
    ['curated', 1, true],
    ['model', 2, true],
  ] as const)('offers feedback on a %s answer with turn %s: %s', (source, turn, offered) => {
    const posts = renderLexReply(
      {
        messages: [{ contentType: 'PlainText', content: 'An answer.' }],
        answer: { source, ...(turn !== undefined ? { turn } : {}), citations: [] },
      },
      context(),
    );
    expect(actionsWithId(posts, BLOCK_IDS.feedback)).toHaveLength(offered ? 1 : 0);
  });

  it('reads the words of SSML that reached a text channel', () => {
    const posts = renderLexReply(
      {
        messages: [
          { contentType: 'SSML', content: '<speak>Hours are 9 &amp; 5<break time="1s"/>daily</speak>' },
        ],
      },
      context(),
    );
    expect(sectionWords(posts)).toEqual(['Hours', 'are', '9', '&', '5', 'daily']);
  });

  it('keeps every Block Kit limit and every word, for any Lex reply', () => {
    const seen = {
      multiPost: 0,
      over25Buttons: 0,
      yesNo: 0,
      feedback: 0,
      cardButtons: 0,
      longText: 0,
      es: 0,
    };
    fc.assert(
      fc.property(lexReply, catalogue, (reply, catalogue) => {
        const posts = renderLexReply(reply, context(catalogue));
        const blocks = allBlocks(posts);

        // Block Kit limits (problems collected: one expect per reply keeps 250 runs fast).
        const problems: string[] = [];
        const check = (ok: boolean, problem: string) => {
          if (!ok) problems.push(problem);
        };
        posts.forEach((post, index) => {
          check(post.blocks.length > 0, `post ${index} has no blocks`);
          check(post.blocks.length <= MAX_BLOCKS, `post ${index} has ${post.blocks.length} blocks`);
          check(post.text.length <= MAX_SECTION_TEXT, `post ${index} text is ${post.text.length} long`);
        });
        for (const text of mrkdwnTexts(posts)) {
          check(text.length > 0 && text.length <= MAX_SECTION_TEXT, `mrkdwn text of ${text.length}`);
          // Nothing the bot or the model wrote can form a link, mention or ping.
          check(!/[<>]/.test(text), `raw < or > in ${JSON.stringify(text.slice(0, 200))}`);
          check(
            !text.replace(/&(amp|lt|gt);/g, '').includes('&'),
            `raw & in ${JSON.stringify(text.slice(0, 200))}`,
          );
        }
        for (const block of blocks.filter((b) => b.type === 'actions')) {
          const elements = block.elements ?? [];
          check(
            elements.length > 0 && elements.length <= MAX_BUTTONS_PER_ACTIONS,
            `${elements.length} buttons`,
          );
          const ids = elements.map((element) => element.action_id);
          check(new Set(ids).size === ids.length, `repeated action ids ${ids.join()}`);
          for (const element of elements) {
            const label = buttonLabel(element) ?? '';
            check(label.length > 0 && label.length <= MAX_BUTTON_TEXT, `label ${JSON.stringify(label)}`);
            const value = element.value ?? '';
            check(value.length <= MAX_BUTTON_VALUE, `button value of ${value.length}`);
            try {
              JSON.parse(value);
            } catch {
              problems.push(`button value is not JSON: ${value.slice(0, 100)}`);
            }
          }
        }
        expect(problems).toEqual([]);

        // Every word, in order.
        const shown = sectionWords(posts);
        const said = expectedWords(reply);
        // Compared as one string first: deep equality of thousands of words is slow.
        if (shown.join('\u0000') !== said.join('\u0000')) expect(shown).toEqual(said);

        // Feedback: only on a rated answer with a turn, as the very last block.
        const answer = reply.answer;
        const rated =
          answer?.turn !== undefined && (answer.source === 'curated' || answer.source === 'model');
        const feedback = actionsWithId(posts, BLOCK_IDS.feedback);
        expect(feedback).toHaveLength(rated ? 1 : 0);
        if (rated) {
          const last = posts[posts.length - 1]!;
          expect(blocksOf(last)[last.blocks.length - 1]).toBe(feedback[0]);
          expect(feedback[0]?.elements?.map(buttonLabel)).toEqual([catalogue.helpful, catalogue.notHelpful]);
          expect(feedback[0]?.elements?.map((e) => decodeValue(FeedbackValueSchema, e.value))).toEqual([
            { session: SESSION, turn: answer.turn, verdict: 'helpful' },
            { session: SESSION, turn: answer.turn, verdict: 'unhelpful' },
          ]);
          seen.feedback += 1;
        }

        // Sources: whenever the answer cites something.
        const sources = blocks.filter((block) => block.type === 'context');
        expect(sources).toHaveLength(answer && answer.citations.length > 0 ? 1 : 0);
        for (const block of sources) {
          expect(block.elements?.[0]?.text).toMatch(new RegExp(`^${catalogue.sources}: `));
        }

        // Reply buttons: every card's, in one block (one block id a click can name), else yes/no for a
        // ConfirmIntent.
        const replyBlocks = actionsWithId(posts, BLOCK_IDS.reply);
        const choices = cardChoices(reply);
        if (choices.length > 0) {
          seen.cardButtons += 1;
          if (choices.length > MAX_BUTTONS_PER_ACTIONS) seen.over25Buttons += 1;
          expect(replyBlocks).toHaveLength(1);
          const elements = replyBlocks[0]?.elements ?? [];
          expect(elements).toHaveLength(Math.min(choices.length, MAX_BUTTONS_PER_ACTIONS));
          elements.forEach((element, at) => {
            const given = { text: choices[at]?.text ?? '', value: choices[at]?.value ?? '' };
            const label = buttonLabel(element) ?? '';
            // The label: the button's text, or as much as fits followed by an ellipsis.
            check(
              given.text.length <= MAX_BUTTON_TEXT
                ? label === given.text
                : label.endsWith('…') && given.text.startsWith(label.slice(0, -1)),
              `label ${JSON.stringify(label)} for ${JSON.stringify(given.text)}`,
            );
            // The value: the asker, and the text Lex gets back (all of it up to Lex's 500).
            const value = decodeValue(ReplyValueSchema, element.value);
            check(value?.asker === ASKER, `asker of ${element.value}`);
            check(
              value !== undefined &&
                given.value.startsWith(value.text) &&
                (given.value.length > 500 || value.text === given.value),
              `value ${element.value?.slice(0, 100)} for ${given.value.slice(0, 100)}`,
            );
          });
          expect(problems).toEqual([]);
        } else if (reply.dialogAction === 'ConfirmIntent') {
          seen.yesNo += 1;
          expect(replyBlocks).toHaveLength(1);
          expect(replyBlocks[0]?.elements?.map(buttonLabel)).toEqual([
            catalogue.yes.label,
            catalogue.no.label,
          ]);
          expect(replyBlocks[0]?.elements?.map((e) => decodeValue(ReplyValueSchema, e.value))).toEqual([
            { text: catalogue.yes.text, asker: ASKER },
            { text: catalogue.no.text, asker: ASKER },
          ]);
        } else {
          expect(replyBlocks).toHaveLength(0);
        }

        if (posts.length > 1) seen.multiPost += 1;
        if (reply.messages.some((m) => (m.content ?? '').length > MAX_SECTION_TEXT)) seen.longText += 1;
        if (catalogue === es_US) seen.es += 1;
      }),
      { numRuns: 250 },
    );
    // The generators reached the interesting cases.
    expect(seen.multiPost).toBeGreaterThan(25);
    expect(seen.over25Buttons).toBeGreaterThan(10);
    expect(seen.yesNo).toBeGreaterThan(10);
    expect(seen.feedback).toBeGreaterThan(25);
    expect(seen.cardButtons).toBeGreaterThan(25);
    expect(seen.longText).toBeGreaterThan(10);
    expect(seen.es).toBeGreaterThan(50);
  });

  it('puts every button and the sources after the last words, in the last post', () => {
    // Replies that spill over several posts, cards with buttons anywhere among the words.
    const messages = fc.oneof(
      fc.array(fc.oneof({ weight: 8, arbitrary: shortMessage }, { weight: 1, arbitrary: cardMessage }), {
        minLength: 1,
        maxLength: 80,
      }),
      fc.array(shortMessage, { minLength: 45, maxLength: 80 }),
      fc.array(longMessage, { minLength: 2, maxLength: 12 }),
    );
    const long = fc.oneof(
      fc.record({ messages, dialogAction: fc.constant('ConfirmIntent') }),
      fc.record({ messages, dialogAction: fc.constant('ConfirmIntent'), answer }),
      fc.record({ messages, dialogAction: fc.constant('Close'), answer }),
    );
    let multiPost = 0;
    fc.assert(
      fc.property(long, catalogue, (reply, catalogue) => {
        const posts = renderLexReply(reply, context(catalogue));
        if (posts.length > 1) multiPost += 1;
        posts.slice(0, -1).forEach((post) => {
          for (const block of blocksOf(post)) {
            expect([BLOCK_IDS.reply, BLOCK_IDS.feedback]).not.toContain(block.block_id);
          }
        });
        const trailing = allBlocks(posts).filter(
          (block) => block.type === 'actions' || block.type === 'context',
        );
        const last = blocksOf(posts[posts.length - 1]!);
        // Together at the very end: nothing follows the buttons and sources.
        expect(last.slice(last.length - trailing.length)).toEqual(trailing);
      }),
      { numRuns: 200 },
    );
    expect(multiPost).toBeGreaterThan(20);
  });

  it("renders any button value within Slack's limit, control characters included", () => {
    const posts = renderLexReply(
      {
        messages: [
          {
            contentType: 'ImageResponseCard',
            imageResponseCard: { title: 'Pick', buttons: [{ text: 'Odd', value: '\u0001'.repeat(600) }] },
          },
        ],
      },
      context(),
    );
    const [button] = actionsWithId(posts, BLOCK_IDS.reply)[0]?.elements ?? [];
    expect(button?.value?.length).toBeLessThanOrEqual(MAX_BUTTON_VALUE);
    const text = decodeValue(ReplyValueSchema, button?.value)?.text ?? '';
    expect(text.length).toBeGreaterThan(0);
    expect(text).toBe('\u0001'.repeat(text.length));
  });

  it('never cuts an emoji in half in a label or a value', () => {
    const label = `${'a'.repeat(73)}😀bb`;
    const value = `${'b'.repeat(499)}😀`;
    const posts = renderLexReply(
      {
        messages: [
          {
            contentType: 'ImageResponseCard',
            imageResponseCard: { title: 'Pick', buttons: [{ text: label, value }] },
          },
        ],
      },
      context(),
    );
    const [button] = actionsWithId(posts, BLOCK_IDS.reply)[0]?.elements ?? [];
    const lonelyHalf = /[\ud800-\udbff](?![\udc00-\udfff])/;
    expect(buttonLabel(button!)).not.toMatch(lonelyHalf);
    expect(decodeValue(ReplyValueSchema, button?.value)?.text).not.toMatch(lonelyHalf);
  });
});
