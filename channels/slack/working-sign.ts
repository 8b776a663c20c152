import type { WebClient } from '@slack/web-api';

/** Past this, a person starts to wonder whether the bot saw the message. */
export const WORKING_SIGN_AFTER_MS = 1_000;
const REACTION = 'hourglass_flowing_sand';

/**
 * Runs `work`; if it takes longer than `afterMs`, an hourglass reaction on the person's message shows that
 * Parley is on it, and is taken off when the work ends. The sign is decoration: its own failures are logged
 * and never hold up or fail the answer.
 */
export async function withWorkingSign<T>(
  client: WebClient,
  message: { channel: string; ts: string },
  work: () => Promise<T>,
  options: { afterMs?: number; log: (message: string, details?: Record<string, unknown>) => void },
): Promise<T> {
  let shown: Promise<boolean> | undefined;
  const timer = setTimeout(() => {
    shown = client.reactions
      .add({ channel: message.channel, timestamp: message.ts, name: REACTION })
      .then(() => true)
      .catch((error: unknown) => {
        options.log('Could not show the working sign', { error: String(error) });
        return false;
      });
  }, options.afterMs ?? WORKING_SIGN_AFTER_MS);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    if (shown && (await shown)) {
      await client.reactions
        .remove({ channel: message.channel, timestamp: message.ts, name: REACTION })
        .catch((error: unknown) =>
          options.log('Could not take the working sign off', { error: String(error) }),
        );
    }
  }
}
