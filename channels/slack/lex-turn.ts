import {
  RecognizeTextCommand,
  type LexRuntimeV2Client,
  type RecognizeTextCommandOutput,
} from '@aws-sdk/client-lex-runtime-v2';
import { cutText } from './render/mrkdwn';
import { REQUEST_ATTRIBUTES } from '../../functions/shared/channel-attributes';

/** The bot the Slack channel talks to: the staff alias, which only the Slack worker may call. */
export interface LexTarget {
  client: LexRuntimeV2Client;
  botId: string;
  botAliasId: string;
  localeId: string;
}

/** RecognizeText's limit on the text of one turn. */
const LEX_TEXT_MAX_LENGTH = 1024;

/**
 * Waits before asking again when Lex is still busy with an earlier message of the same session (two quick
 * messages in one thread): about a turn's length each, four tries in all, well inside the worker's time.
 */
export const CONFLICT_RETRY_DELAYS_MS: readonly number[] = [300, 1_000, 3_000];

/**
 * One turn of the person's Lex session, as a typed chat whose channel shows sources itself. Lex refuses a
 * request on a session that is still answering another one (ConflictException, which the SDK does not
 * retry); that message is sent again once the earlier one has had time to finish.
 */
export async function askLex(
  target: LexTarget,
  sessionId: string,
  text: string,
  retryDelaysMs: readonly number[] = CONFLICT_RETRY_DELAYS_MS,
): Promise<RecognizeTextCommandOutput> {
  const command = new RecognizeTextCommand({
    botId: target.botId,
    botAliasId: target.botAliasId,
    localeId: target.localeId,
    sessionId,
    text,
    requestAttributes: {
      [REQUEST_ATTRIBUTES.channel]: 'chat',
      [REQUEST_ATTRIBUTES.sources]: 'separate',
    },
  });
  for (const delayMs of retryDelaysMs) {
    try {
      return await target.client.send(command);
    } catch (error) {
      if ((error as { name?: string }).name !== 'ConflictException') throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
  return target.client.send(command);
}

/**
 * What the person wrote, as words for Lex: the bot's own mention dropped, Slack's markup (`<@U1>`,
 * `<#C1|name>`, `<https://x|label>`, `<mailto:a@b.c|a@b.c>`, `<!here>`) turned into the text a person sees,
 * entities decoded, whitespace collapsed, cut to Lex's limit.
 */
export function textForLex(slackText: string, botUserId: string | undefined): string {
  const words = slackText
    .replace(/<([^<>]*)>/g, (_match, inner: string) => readableReference(inner, botUserId))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return cutText(words, LEX_TEXT_MAX_LENGTH).trim();
}

function readableReference(inner: string, botUserId: string | undefined): string {
  const [target = '', label] = inner.split('|', 2);
  if (target.startsWith('@')) {
    const user = target.slice(1);
    return user === botUserId ? ' ' : ` ${label ?? 'someone'} `;
  }
  if (target.startsWith('#')) return ` #${label ?? 'channel'} `;
  if (target.startsWith('!')) return ' ';
  if (target.startsWith('mailto:')) return ` ${label ?? target.slice('mailto:'.length)} `;
  return ` ${label ?? target} `;
}
