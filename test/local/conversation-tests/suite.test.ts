/**
 * The conversation tests in test/conversations/, run against the offline stack through the real Lex runtime
 * client: the same files a release runs against the deployed bot (`npm run conversations -- --bot-id ...`).
 */
import { runConversation } from '../../../local/conversation-tests/run';
import {
  conversationFiles,
  DEFAULT_CONVERSATIONS_DIRECTORY,
  localSpeechGap,
  readConversationTests,
} from '../../../local/conversation-tests/suite';
import { deployedTarget, localTarget, type Target } from '../../../local/conversation-tests/target';
import { ALIAS_ID, BOT_ID, STAFF_ALIAS_ID, startTestStack } from '../../support/local-stack';
import { textReport } from '../../../local/conversation-tests/report';
import type { ConversationTest } from '../../../local/conversation-tests/format';

jest.setTimeout(120_000);

let target: Target;
let conversations: ConversationTest[];

beforeAll(async () => {
  conversations = await readConversationTests(await conversationFiles([DEFAULT_CONVERSATIONS_DIRECTORY]));
  target = await localTarget();
});
afterAll(() => target.close());

describe('test/conversations on the local stack', () => {
  it('has at least 25 conversations, in both locales, on every channel', () => {
    expect(conversations.length).toBeGreaterThanOrEqual(25);
    expect(new Set(conversations.map((c) => c.locale))).toEqual(new Set(['en_US', 'es_US']));
    const channels = new Set(
      conversations.flatMap((c) => [c.channel, ...c.turns.map((t) => t.channel ?? c.channel)]),
    );
    expect(channels).toEqual(new Set(['web', 'slack', 'phone']));
  });

  it('passes every conversation (spoken ones need the local speech recognizer)', async () => {
    const requireSpeech = process.env.PARLEY_REQUIRE_ASR === '1';
    const results = [];
    for (const conversation of conversations) {
      const gap = localSpeechGap(conversation);
      if (gap && !requireSpeech) {
        console.warn(`Skipping "${conversation.name}": ${gap}`);
        continue;
      }
      results.push(await runConversation(target, conversation));
    }
    const failures = results.filter((result) => !result.passed);
    if (failures.length > 0) throw new Error(textReport(failures, target.description));
  });
});

describe('the deployed-bot target', () => {
  it('runs the same files through plain AWS clients (here pointed at a local stack by AWS_ENDPOINT_URL)', async () => {
    const stack = await startTestStack();
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: stack.endpoint,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    });
    const deployed = await deployedTarget({
      botId: BOT_ID,
      aliasId: ALIAS_ID,
      staffAliasId: STAFF_ALIAS_ID,
      region: 'us-east-1',
    });
    try {
      const chosen = conversations.filter((c) => /phone-dtmf-es\.yaml$|staff-slack\.yaml$/.test(c.file));
      expect(chosen).toHaveLength(2);
      for (const conversation of chosen) {
        const result = await runConversation(deployed, conversation);
        expect(result).toMatchObject({ passed: true });
      }
    } finally {
      await deployed.close();
      process.env = saved;
      await stack.close();
    }
  });

  it('says a staff conversation needs the staff alias id', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' });
    try {
      const deployed = await deployedTarget({ botId: 'B', aliasId: 'A', region: 'us-east-1' });
      expect(() => deployed.aliasId('staff')).toThrow(/--staff-alias-id/);
      await deployed.close();
    } finally {
      process.env = saved;
    }
  });
});
