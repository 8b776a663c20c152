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
import { localTarget, type Target } from '../../../local/conversation-tests/target';
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
