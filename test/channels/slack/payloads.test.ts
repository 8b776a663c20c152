import fc from 'fast-check';
import {
  isDirectMessage,
  isPersonMessage,
  isThreadReply,
  mayNeedAnswer,
  MessageEventSchema,
  type MessageEvent,
} from '../../../channels/slack/payloads';
import {
  appMention,
  botMessage,
  channelMessage,
  directMessage,
  messageChanged,
} from '../../support/slack/signed-requests';

const BOT_MENTION = '<@U0PARLEYBOT>';
const ROOT = '1733450000.000100';

/** An event as Slack sends it, through the same schema the ingress parses it with. */
function parsed(event: object): MessageEvent {
  return MessageEventSchema.parse(event);
}

interface Case {
  name: string;
  event: MessageEvent;
  person: boolean;
  needsAnswer: boolean;
}

const cases: Case[] = [
  {
    name: 'a mention in a channel',
    event: parsed(appMention({ user: 'U0ALICE', channel: 'C1', text: `${BOT_MENTION} where is my order?` })),
    person: true,
    needsAnswer: true,
  },
  {
    name: 'a mention in a thread',
    event: parsed(
      appMention({ user: 'U0ALICE', channel: 'C1', text: `${BOT_MENTION} and?`, threadTs: ROOT }),
    ),
    person: true,
    needsAnswer: true,
  },
  {
    name: 'a direct message',
    event: parsed(directMessage({ user: 'U0ALICE', channel: 'D1', text: 'hello' })),
    person: true,
    needsAnswer: true,
  },
  {
    name: 'a reply in a thread',
    event: parsed(
      channelMessage({ user: 'U0ALICE', channel: 'C1', text: 'thanks, one more thing', threadTs: ROOT }),
    ),
    person: true,
    needsAnswer: true,
  },
  {
    name: 'a reply in a private-channel thread',
    event: parsed(
      channelMessage({ user: 'U0ALICE', channel: 'G1', text: 'and?', threadTs: ROOT, channelType: 'group' }),
    ),
    person: true,
    needsAnswer: true,
  },
  {
    name: 'top-level chatter in a channel',
    event: parsed(channelMessage({ user: 'U0ALICE', channel: 'C1', text: 'lunch anyone?' })),
    person: true,
    needsAnswer: false,
  },
  {
    name: 'a thread root (thread_ts equal to its own ts)',
    event: parsed(channelMessage({ user: 'U0ALICE', channel: 'C1', text: 'root', ts: ROOT, threadTs: ROOT })),
    person: true,
    needsAnswer: false,
  },
  {
    name: 'top-level chatter in a group DM',
    event: parsed(channelMessage({ user: 'U0ALICE', channel: 'G2', text: 'hi all', channelType: 'mpim' })),
    person: true,
    needsAnswer: false,
  },
  {
    name: "the bot's own post (bot_id, no subtype)",
    event: parsed({
      ...channelMessage({ user: 'U0PARLEYBOT', channel: 'C1', text: 'Here is your answer', threadTs: ROOT }),
      bot_id: 'B0PARLEYBOT',
    }),
    person: false,
    needsAnswer: false,
  },
  {
    name: "the bot's own direct message",
    event: parsed({
      ...directMessage({ user: 'U0PARLEYBOT', channel: 'D1', text: 'Here is your answer' }),
      bot_id: 'B0PARLEYBOT',
    }),
    person: false,
    needsAnswer: false,
  },
  {
    name: 'a bot_message in a thread',
    event: parsed(botMessage({ channel: 'C1', text: 'deploy finished', threadTs: ROOT })),
    person: false,
    needsAnswer: false,
  },
  {
    name: 'a bot_message in a DM',
    event: parsed(botMessage({ channel: 'D1', text: 'reminder', channelType: 'im' })),
    person: false,
    needsAnswer: false,
  },
  {
    name: 'an edit (message_changed) in a thread',
    event: parsed(
      messageChanged({ user: 'U0ALICE', channel: 'C1', messageTs: ROOT, text: 'edited', threadTs: ROOT }),
    ),
    person: false,
    needsAnswer: false,
  },
  {
    name: 'an edit (message_changed) in a DM',
    event: parsed(
      messageChanged({ user: 'U0ALICE', channel: 'D1', messageTs: ROOT, text: 'edited', channelType: 'im' }),
    ),
    person: false,
    needsAnswer: false,
  },
  {
    name: 'a deletion (message_deleted) in a DM',
    event: parsed({
      type: 'message',
      subtype: 'message_deleted',
      channel: 'D1',
      ts: ROOT,
      channel_type: 'im',
    }),
    person: false,
    needsAnswer: false,
  },
  {
    name: 'someone joining the channel (channel_join)',
    event: parsed({
      ...channelMessage({ user: 'U0ALICE', channel: 'C1', text: '<@U0ALICE> has joined the channel' }),
      subtype: 'channel_join',
    }),
    person: false,
    needsAnswer: false,
  },
  {
    name: 'a channel_join inside a thread',
    event: parsed({
      ...channelMessage({ user: 'U0ALICE', channel: 'C1', text: 'has joined', threadTs: ROOT }),
      subtype: 'channel_join',
    }),
    person: false,
    needsAnswer: false,
  },
  {
    name: 'a mention with no words',
    event: parsed(appMention({ user: 'U0ALICE', channel: 'C1', text: '' })),
    person: false,
    needsAnswer: false,
  },
  {
    name: 'a direct message of whitespace',
    event: parsed(directMessage({ user: 'U0ALICE', channel: 'D1', text: ' \n\t ' })),
    person: false,
    needsAnswer: false,
  },
  {
    name: 'a thread reply without text (a file only)',
    event: parsed({
      type: 'message',
      channel: 'C1',
      ts: '1733450001.000001',
      thread_ts: ROOT,
      user: 'U0ALICE',
    }),
    person: false,
    needsAnswer: false,
  },
  {
    name: 'a direct message without a user',
    event: parsed({ type: 'message', channel: 'D1', ts: ROOT, text: 'hello', channel_type: 'im' }),
    person: false,
    needsAnswer: false,
  },
];

describe('isPersonMessage / mayNeedAnswer', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { event, person, needsAnswer }) => {
    expect(isPersonMessage(event)).toBe(person);
    expect(mayNeedAnswer(event)).toBe(needsAnswer);
  });

  it('tells direct messages and thread replies apart', () => {
    expect(isDirectMessage(parsed(directMessage({ user: 'U1', channel: 'D1', text: 'hi' })))).toBe(true);
    expect(isDirectMessage(parsed(channelMessage({ user: 'U1', channel: 'C1', text: 'hi' })))).toBe(false);
    expect(isDirectMessage(parsed(appMention({ user: 'U1', channel: 'C1', text: 'hi' })))).toBe(false);
    expect(
      isThreadReply(parsed(channelMessage({ user: 'U1', channel: 'C1', text: 'hi', threadTs: ROOT }))),
    ).toBe(true);
    expect(
      isThreadReply(
        parsed(channelMessage({ user: 'U1', channel: 'C1', text: 'hi', ts: ROOT, threadTs: ROOT })),
      ),
    ).toBe(false);
  });

  it('answers only people, and only when mentioned, written to directly or replied to in a thread', () => {
    const event = fc.record(
      {
        type: fc.constantFrom('message' as const, 'app_mention' as const),
        channel: fc.constantFrom('C1', 'D1', 'G1'),
        ts: fc.constantFrom(ROOT, '1733450002.000002'),
        user: fc.constantFrom('U0ALICE', 'U0PARLEYBOT'),
        text: fc.constantFrom('', ' ', 'hello', `${BOT_MENTION} hi`),
        thread_ts: fc.constantFrom(ROOT, '1733449999.000009'),
        channel_type: fc.constantFrom('im', 'channel', 'group', 'mpim'),
        subtype: fc.constantFrom(
          'bot_message',
          'message_changed',
          'channel_join',
          'thread_broadcast',
          'file_share',
        ),
        bot_id: fc.constant('B0PARLEYBOT'),
      },
      { requiredKeys: ['type', 'channel', 'ts'] },
    );
    fc.assert(
      fc.property(event, (raw) => {
        const message = parsed(raw);
        const person =
          raw.subtype === undefined &&
          raw.bot_id === undefined &&
          raw.user !== undefined &&
          (raw.text ?? '').trim() !== '';
        const addressed =
          raw.type === 'app_mention' ||
          raw.channel_type === 'im' ||
          (raw.thread_ts !== undefined && raw.thread_ts !== raw.ts);
        expect(isPersonMessage(message)).toBe(person);
        expect(mayNeedAnswer(message)).toBe(person && addressed);
      }),
      { numRuns: 300 },
    );
  });
});
