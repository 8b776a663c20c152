import type { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import {
  LogLevel,
  type App,
  type Logger as BoltLogger,
  type Receiver,
  type ReceiverEvent,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackWork } from './payloads';

/** How Parley's worker plugs into Bolt: its receiver, its logger, and the bot's identity for authorize. */

/** The bot's own ids from auth.test, asked once per container; a failure is retried on the next use. */
export function botIdentity(client: WebClient): () => Promise<{ botId?: string; botUserId?: string }> {
  let pending: Promise<{ botId?: string; botUserId?: string }> | undefined;
  return () => {
    pending ??= client.auth
      .test()
      .then((result) => ({
        ...(result.bot_id ? { botId: result.bot_id } : {}),
        ...(result.user_id ? { botUserId: result.user_id } : {}),
      }))
      .catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
    return pending;
  };
}

/**
 * Bolt's receiver for work that arrives already verified and acknowledged (the ingress did both): it only
 * passes the body to the app, with the ack a no-op.
 */
export class QueuedWorkReceiver implements Receiver {
  private app: App | undefined;

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  async deliver(work: SlackWork): Promise<void> {
    if (!this.app) throw new Error('The Slack app has not initialised its receiver');
    const event: ReceiverEvent = {
      body: work.body,
      ack: async () => undefined,
      ...(work.kind === 'event' && work.retryNum !== undefined ? { retryNum: work.retryNum } : {}),
      ...(work.kind === 'event' && work.retryReason !== undefined ? { retryReason: work.retryReason } : {}),
    };
    await this.app.processEvent(event);
  }
}

export function boltLogger(logger: PowertoolsLogger): BoltLogger {
  let level = LogLevel.WARN;
  const text = (parts: unknown[]) =>
    parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
  return {
    debug: (...parts) => logger.debug(text(parts)),
    info: (...parts) => logger.info(text(parts)),
    warn: (...parts) => logger.warn(text(parts)),
    error: (...parts) => logger.error(text(parts)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
