import type { LocalStack } from '../../../local/stack';
import { FAKE_SLACK, type FakeSlackApi, type SlackArgs } from './fake-slack-api';
import {
  blockActions,
  eventCallback,
  interactivityBody,
  postSlack,
  signedHeaders,
  type SlackHttpResponse,
  type SlackMessageEvent,
} from './signed-requests';

export const SIGNING_SECRET = 'parley-test-signing-secret';

/** The environment `npm start` reads to serve Slack, pointed at the fake Web API, with quiet hook logs. */
export function useSlackEnvironment(slack: FakeSlackApi, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    SLACK_BOT_TOKEN: slack.token,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    POWERTOOLS_METRICS_DISABLED: 'true',
    ...extra,
  });
}

export type Post = SlackArgs & { ts: string };

interface Block {
  type: string;
  block_id?: string;
  elements?: { type: string; action_id?: string; value?: string; text?: { text: string } | string }[];
  text?: { text: string };
}

/**
 * A Slack workspace around the local stack: people's messages go to `/slack/events` as Slack sends them
 * (signed, and known to the fake Web API so thread history reads them back), clicks as interactivity
 * payloads, and what Parley posts is read from the fake Web API.
 */
export class SlackWorkspace {
  constructor(
    private readonly stack: LocalStack,
    readonly slack: FakeSlackApi,
  ) {}

  get eventsUrl(): string {
    return `${this.stack.endpoint}/slack/events`;
  }

  /** Delivers `event` (and any duplicates Slack would send with it) in one envelope. */
  async deliver(
    event: SlackMessageEvent,
    options: { eventId?: string; retryNum?: number } = {},
  ): Promise<SlackHttpResponse> {
    if (event.user && !event.bot_id) {
      this.slack.personSaid({
        channel: event.channel,
        ts: event.ts,
        user: event.user,
        text: event.text,
        ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
      });
    }
    const body = JSON.stringify(eventCallback(event, options.eventId ? { eventId: options.eventId } : {}));
    return this.signedPost(
      body,
      options.retryNum !== undefined ? { retryNum: options.retryNum, retryReason: 'http_timeout' } : {},
    );
  }

  signedPost(
    body: string,
    retry: { retryNum?: number; retryReason?: string } = {},
  ): Promise<SlackHttpResponse> {
    return postSlack(this.eventsUrl, body, signedHeaders(SIGNING_SECRET, body, retry));
  }

  /** Clicks the button `actionId` (exact, or the first whose id starts with it) on one of Parley's posts. */
  async click(post: Post, actionId: string, user: string): Promise<SlackHttpResponse> {
    const blocks = (post.blocks ?? []) as Block[];
    for (const block of blocks) {
      const button = (block.elements ?? []).find((element) => element.action_id?.startsWith(actionId));
      if (!button?.action_id || button.value === undefined) continue;
      const payload = blockActions({
        user,
        teamId: FAKE_SLACK.teamId,
        channel: String(post.channel),
        messageTs: post.ts,
        ...(post.thread_ts ? { threadTs: String(post.thread_ts) } : {}),
        actionId: button.action_id,
        value: button.value,
        responseUrl: this.slack.responseUrl(post.ts),
        ...(block.block_id ? { blockId: block.block_id } : {}),
        messageBlocks: blocks,
        messageText: String(post.text ?? ''),
      });
      // Slack sends the clicked button's own label with the action.
      const label = typeof button.text === 'string' ? button.text : button.text?.text;
      for (const action of payload.actions) if (label) action.text.text = label;
      const body = interactivityBody(payload);
      return postSlack(this.eventsUrl, body, signedHeaders(SIGNING_SECRET, body));
    }
    throw new Error(`No button ${actionId} in post ${post.ts}: ${JSON.stringify(blocks)}`);
  }

  /** Parley's posts in a channel (and thread, when given), oldest first. */
  postsIn(channel: string, threadTs?: string): Post[] {
    return this.slack
      .posts()
      .filter((post) => post.channel === channel && (threadTs === undefined || post.thread_ts === threadTs));
  }

  /** Waits until Parley has posted `count` messages in the channel/thread, and returns them. */
  waitForPosts(channel: string, threadTs: string | undefined, count = 1): Promise<Post[]> {
    return this.slack.waitFor(() => {
      const posts = this.postsIn(channel, threadTs);
      return posts.length >= count ? posts : undefined;
    }, 20_000);
  }
}

/** The words of a post: its fallback text and every section and context text. */
export function wordsOf(post: SlackArgs): string {
  const blocks = (post.blocks ?? []) as Block[];
  const parts = [String(post.text ?? '')];
  for (const block of blocks) {
    if (block.text?.text) parts.push(block.text.text);
    for (const element of block.elements ?? []) {
      if (typeof element.text === 'string') parts.push(element.text);
    }
  }
  return parts.join('\n');
}

export function blockOf(post: SlackArgs, type: string, blockId?: string): Block | undefined {
  return ((post.blocks ?? []) as Block[]).find(
    (block) => block.type === type && (blockId === undefined || block.block_id === blockId),
  );
}
