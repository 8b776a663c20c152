import { LogLevel, SocketModeClient } from '@slack/socket-mode';
import { workFor } from './ingress';
import type { SlackWork } from './payloads';

export interface SocketModeOptions {
  appToken: string;
  slackApiUrl?: string;
  handOff: (work: SlackWork) => Promise<void>;
  log: (line: string) => void;
}

interface SocketEvent {
  ack: () => Promise<void>;
  body: unknown;
  retryNum?: number;
  retryReason?: string;
}

/** The client's `slack_event` argument (untyped in @slack/socket-mode), read field by field. */
function readSocketEvent(value: unknown): SocketEvent {
  const event = value as {
    ack: () => Promise<void>;
    body: unknown;
    retry_num?: unknown;
    retry_reason?: unknown;
  };
  return {
    ack: event.ack,
    body: event.body,
    ...(typeof event.retry_num === 'number' ? { retryNum: event.retry_num } : {}),
    ...(typeof event.retry_reason === 'string' ? { retryReason: event.retry_reason } : {}),
  };
}

/**
 * Socket Mode, for running the Slack channel on a developer machine without a public URL: Slack sends the
 * same Events API and interactivity bodies over a WebSocket it authenticates with the app token, so there
 * is no signature to check. Each one goes through the same decision and hand-off as the HTTP ingress and is
 * acknowledged once the worker has it; one that cannot be handed off is not acknowledged, so Slack resends.
 */
export async function startSocketMode(options: SocketModeOptions): Promise<{ close(): Promise<void> }> {
  const client = new SocketModeClient({
    appToken: options.appToken,
    logLevel: LogLevel.WARN,
    ...(options.slackApiUrl ? { clientOptions: { slackApiUrl: options.slackApiUrl } } : {}),
  });
  client.on('slack_event', (raw: unknown) => {
    const event = readSocketEvent(raw);
    const work = workFor(event.body, {
      ...(event.retryNum !== undefined ? { retryNum: event.retryNum } : {}),
      ...(event.retryReason !== undefined ? { retryReason: event.retryReason } : {}),
    });
    if (!work.ok) {
      options.log(`slack: ignored a Socket Mode message: ${work.problem}`);
      void event.ack();
      return;
    }
    const handedOff = work.value ? options.handOff(work.value) : Promise.resolve();
    handedOff.then(
      () => event.ack(),
      (error: unknown) =>
        options.log(`slack: could not hand off a Socket Mode event (Slack will resend): ${String(error)}`),
    );
  });
  await client.start();
  return {
    close: async () => {
      await client.disconnect();
    },
  };
}
