import type { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { RecognizeTextCommandOutput } from '@aws-sdk/client-lex-runtime-v2';
import { App, LogLevel } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import {
  recordAnswerFeedback,
  type AnswerFeedbackServices,
} from '../../functions/feedback/record-answer-feedback';
import { readAnswerAttribute } from '../../functions/shared/answer-attribute';
import { ACTION_IDS, decodeValue, FeedbackValueSchema, ReplyValueSchema } from './actions';
import type { AnsweredOnce } from './answered-once';
import { boltLogger, botIdentity, QueuedWorkReceiver } from './bolt-glue';
import { handOffToSupport } from './support-handoff';
import { askLex, textForLex, type LexTarget } from './lex-turn';
import { slackMessagesFor, type SlackCatalogue } from './messages';
import {
  BlockActionsSchema,
  isDirectMessage,
  isThreadReply,
  mayNeedAnswer,
  MessageEventSchema,
  type SlackWork,
} from './payloads';
import { BLOCK_IDS, renderLexReply } from './render/reply-blocks';
import { post, replaceBlock } from './slack-posts';
import { lexSessionId } from './session';
import type { ThreadRegistry } from './threads';
import { withWorkingSign } from './working-sign';
import { HANDOFF_REQUEST_ATTRIBUTE } from '../../functions/shared/channel-attributes';

export interface SlackWorkerOptions {
  botToken: string;
  /** `https://slack.com/api/` unless a test or a proxy says otherwise. */
  slackApiUrl?: string;
  lex: LexTarget;
  /** Channel id where hand-offs are posted for the support team; none configured means none posted. */
  supportChannel?: string;
  answeredOnce: AnsweredOnce;
  threads: ThreadRegistry;
  feedback: AnswerFeedbackServices;
  workingSignAfterMs?: number;
  logger: PowertoolsLogger;
}

export interface SlackWorker {
  /** Handles one piece of verified Slack work; rejects when it should be retried. */
  process(work: SlackWork, context?: Context): Promise<void>;
}

/** A person's message to answer, wherever it came from (a mention, a DM, a thread reply, a button). */
interface PersonTurn {
  teamId: string;
  channel: string;
  /** The message that asked, for the working sign and for de-duplication. */
  ts: string;
  user: string;
  text: string;
  /** Root of the conversation: the thread's first message, or `dm` in a direct message outside threads. */
  threadRoot: string;
  /** Where the answer goes: the thread, or the DM itself when undefined. */
  replyThreadTs: string | undefined;
}

const ActionSchema = z.looseObject({
  value: z.string().optional(),
  text: z.looseObject({ text: z.string() }).optional(),
});

/**
 * The worker: Bolt routes the verified Slack work to Parley's listeners, which ask Lex (the staff alias)
 * and post the answer in the thread. Everything slow happens here, never in the ingress. Each message and
 * each button is answered once, however often Slack delivers it; work that fails throws, so the queue
 * retries it, and leaves no mark that would make the retry look like a duplicate.
 */
export function createSlackWorker(options: SlackWorkerOptions): SlackWorker {
  const { lex, answeredOnce, threads, logger } = options;
  const catalogue = slackMessagesFor(lex.localeId);
  const log = (message: string, details?: Record<string, unknown>) => logger.warn(message, details ?? {});
  const clientOptions: WebClientOptions = {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    // The queue retries the whole piece of work; a WebClient retrying for half an hour would outlive it.
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
  };
  const identity = botIdentity(new WebClient(options.botToken, clientOptions));
  const receiver = new QueuedWorkReceiver();
  const app = new App({
    receiver,
    authorize: async () => ({ botToken: options.botToken, ...(await identity()) }),
    clientOptions,
    logger: boltLogger(logger),
    logLevel: LogLevel.WARN,
  });

  async function answer(turn: PersonTurn, client: WebClient, botUserId: string | undefined): Promise<void> {
    const question = textForLex(turn.text, botUserId);
    if (question === '') {
      await post(client, turn, [{ text: catalogue.emptyMention, blocks: [] }]);
      return;
    }
    const sessionId = lexSessionId(turn);
    const reply = await withWorkingSign(
      client,
      { channel: turn.channel, ts: turn.ts },
      () => askLexOrExplain(lex, sessionId, question),
      { ...(options.workingSignAfterMs !== undefined ? { afterMs: options.workingSignAfterMs } : {}), log },
    );
    if (reply === 'failed') {
      await post(client, turn, [{ text: catalogue.failed, blocks: [] }]);
      return;
    }
    const posts = renderLexReply(
      {
        messages: reply.messages ?? [],
        ...(reply.sessionState?.dialogAction?.type
          ? { dialogAction: reply.sessionState.dialogAction.type }
          : {}),
        ...withAnswer(reply),
      },
      { sessionId, asker: turn.user, catalogue },
    );
    await post(client, turn, posts);
    if (turn.replyThreadTs !== undefined) await threads.joined(turn.teamId, turn.channel, turn.threadRoot);
    const handoffReason = reply.requestAttributes?.[HANDOFF_REQUEST_ATTRIBUTE];
    if (handoffReason) {
      const notice = await handOffToSupport(
        client,
        {
          channel: turn.channel,
          threadRoot: turn.replyThreadTs ?? turn.ts,
          asker: turn.user,
          reason: handoffReason,
          botUserId,
        },
        { supportChannel: options.supportChannel, catalogue, log },
      );
      await post(client, turn, [{ text: notice, blocks: [] }]);
    }
  }

  async function answerOnce(
    turn: PersonTurn,
    client: WebClient,
    botUserId: string | undefined,
  ): Promise<void> {
    // A mention arrives as app_mention and as message, with the same channel and ts: one answer for both.
    const key = `message:${turn.teamId}:${turn.channel}:${turn.ts}`;
    const outcome = await answeredOnce.run(key, () => answer(turn, client, botUserId));
    if (outcome === 'duplicate') logger.info('Slack message already answered', { key });
  }

  app.event('app_mention', async ({ event, body, client, context }) => {
    const parsed = MessageEventSchema.safeParse(event);
    if (!parsed.success || !mayNeedAnswer(parsed.data)) return;
    const message = parsed.data;
    const root = message.thread_ts ?? message.ts;
    await answerOnce(
      {
        teamId: teamOf(body),
        channel: message.channel,
        ts: message.ts,
        user: message.user ?? '',
        text: message.text ?? '',
        threadRoot: root,
        replyThreadTs: root,
      },
      client,
      context.botUserId,
    );
  });

  app.message(async ({ message: event, body, client, context }) => {
    const parsed = MessageEventSchema.safeParse(event);
    if (!parsed.success || !mayNeedAnswer(parsed.data)) return;
    const message = parsed.data;
    const teamId = teamOf(body);
    const direct = isDirectMessage(message);
    if (!direct) {
      // A reply in a channel thread: only where Parley is already part of the conversation (a mention in it
      // is answered through app_mention, with the same key).
      const mentionsBot =
        context.botUserId !== undefined && (message.text ?? '').includes(`<@${context.botUserId}>`);
      if (mentionsBot || !isThreadReply(message)) return;
      if (!(await threads.isMember(teamId, message.channel, message.thread_ts ?? ''))) return;
    }
    await answerOnce(
      {
        teamId,
        channel: message.channel,
        ts: message.ts,
        user: message.user ?? '',
        text: message.text ?? '',
        threadRoot: message.thread_ts ?? (direct ? 'dm' : message.ts),
        replyThreadTs: direct ? message.thread_ts : (message.thread_ts ?? message.ts),
      },
      client,
      context.botUserId,
    );
  });

  app.action(new RegExp(`^${ACTION_IDS.reply}_`), async ({ ack, body, action, client, context }) => {
    await ack();
    const click = BlockActionsSchema.parse(body);
    const pressed = ActionSchema.parse(action);
    const value = decodeValue(ReplyValueSchema, pressed.value);
    if (!value) return;
    const channel = click.channel.id;
    const messageTs = click.container.message_ts;
    const threadTs = click.message?.thread_ts ?? click.container.thread_ts;
    if (click.user.id !== value.asker) {
      await client.chat.postEphemeral({
        channel,
        user: click.user.id,
        text: catalogue.onlyAsker(value.asker),
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
      return;
    }
    const direct = channel.startsWith('D');
    const key = `click:${click.team.id}:${channel}:${messageTs}:${BLOCK_IDS.reply}`;
    await answeredOnce.run(key, async () => {
      await replaceBlock(
        client,
        click,
        BLOCK_IDS.reply,
        catalogue.chose(click.user.id, pressed.text?.text ?? value.text),
      );
      const threadRoot = threadTs ?? (direct ? 'dm' : messageTs);
      await answer(
        {
          teamId: click.team.id,
          channel,
          ts: messageTs,
          user: value.asker,
          text: value.text,
          threadRoot,
          replyThreadTs: direct ? threadTs : threadRoot,
        },
        client,
        context.botUserId,
      );
    });
  });

  app.action(new RegExp(`^${ACTION_IDS.feedback}_`), async ({ ack, body, action, client }) => {
    await ack();
    const click = BlockActionsSchema.parse(body);
    const value = decodeValue(FeedbackValueSchema, ActionSchema.parse(action).value);
    if (!value) return;
    const key = `click:${click.team.id}:${click.channel.id}:${click.container.message_ts}:${BLOCK_IDS.feedback}`;
    await answeredOnce.run(key, async () => {
      const outcome = await recordAnswerFeedback(options.feedback, {
        sessionId: value.session,
        turn: value.turn,
        feedback: value.verdict,
      });
      await replaceBlock(client, click, BLOCK_IDS.feedback, feedbackNote(outcome, value.verdict, catalogue));
    });
  });

  return {
    async process(work, context) {
      if (context) answeredOnce.useLambdaContext(context);
      // Bolt drops an event whose authorization fails; resolving the bot first makes that a retryable error.
      await identity();
      await receiver.deliver(work);
    },
  };
}

function feedbackNote(outcome: string, verdict: 'helpful' | 'unhelpful', catalogue: SlackCatalogue): string {
  if (outcome === 'unknown-turn') return catalogue.feedbackExpired;
  return verdict === 'helpful' ? catalogue.thanksHelpful : catalogue.thanksUnhelpful;
}

function withAnswer(reply: RecognizeTextCommandOutput) {
  const answer = readAnswerAttribute(reply.requestAttributes);
  return answer ? { answer } : {};
}

/**
 * One Lex turn; `failed` when Lex refused it for good (a client error: retrying sends the same request
 * again), so the person is told instead. Throttling and server errors throw, for the queue to retry.
 */
async function askLexOrExplain(
  target: LexTarget,
  sessionId: string,
  text: string,
): Promise<RecognizeTextCommandOutput | 'failed'> {
  try {
    return await askLex(target, sessionId, text);
  } catch (error) {
    const fault = (error as { $fault?: string }).$fault;
    const name = (error as { name?: string }).name;
    if (fault === 'client' && name !== 'ThrottlingException') return 'failed';
    throw error;
  }
}

function teamOf(body: unknown): string {
  const parsed = z.looseObject({ team_id: z.string() }).safeParse(body);
  return parsed.success ? parsed.data.team_id : 'unknown';
}
