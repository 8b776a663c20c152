/**
 * Socket Mode, as on a developer machine: Slack's envelopes arrive over the WebSocket the stack opened with
 * the app token (a fake Slack on loopback here), go through the same decision and hand-off as HTTP, and are
 * answered in the thread.
 */
import type { LocalStack } from '../../../local/stack';
import { startTestStack } from '../../support/local-stack';
import { FAKE_SLACK, startFakeSlackApi, type FakeSlackApi } from '../../support/slack/fake-slack-api';
import { appMention, channelMessage, eventCallback } from '../../support/slack/signed-requests';
import { SlackWorkspace, useSlackEnvironment, wordsOf } from '../../support/slack/workspace';

let slack: FakeSlackApi;
let stack: LocalStack;
let workspace: SlackWorkspace;

beforeAll(async () => {
  slack = await startFakeSlackApi();
  useSlackEnvironment(slack, { SLACK_APP_TOKEN: FAKE_SLACK.appToken });
  stack = await startTestStack();
  workspace = new SlackWorkspace(stack, slack);
  await slack.socketConnected();
});

afterAll(async () => {
  await stack?.close();
  await slack?.close();
});

describe('Socket Mode', () => {
  it('says it is on, and answers a mention that arrives over the socket, in its thread', async () => {
    expect(stack.slack.summary).toMatch(/Socket Mode/);
    const mention = appMention({
      user: 'U0SOCK',
      channel: 'C0SOCKET01',
      text: `<@${FAKE_SLACK.botUserId}> do you ship to Canada?`,
    });
    expect(await slack.socketSend('events_api', eventCallback(mention))).toBe(true);
    const [answer] = await workspace.waitForPosts('C0SOCKET01', mention.ts);
    expect(wordsOf(answer!)).toMatch(/Canada/);
  });

  it('acknowledges what needs no answer without answering it', async () => {
    const chatter = channelMessage({ user: 'U0SOCK', channel: 'C0SOCKET02', text: 'lunch?' });
    expect(await slack.socketSend('events_api', eventCallback(chatter))).toBe(true);
    await stack.lambdaIdle();
    expect(workspace.postsIn('C0SOCKET02')).toEqual([]);
  });
});
