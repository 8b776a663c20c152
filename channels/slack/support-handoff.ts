import type { WebClient } from '@slack/web-api';
import { redactPersonalData } from '../../functions/shared/redaction/redact-personal-data';
import { textForLex } from './lex-turn';
import type { SlackCatalogue } from './messages';
import { escapeMrkdwn } from './render/mrkdwn';

/** Enough of the thread for the person who picks it up to start without scrolling. */
const SUMMARY_MESSAGES = 10;
const SUMMARY_LINE_LENGTH = 300;

export interface HandoffRequest {
  channel: string;
  /** Root of the thread the conversation is in; the summary links there. */
  threadRoot: string;
  asker: string;
  reason: string;
  botUserId: string | undefined;
}

/**
 * Brings a person in: a short summary of the thread (personal data redacted) with a link to it goes to the
 * support channel, and the thread is told who will follow up. Without a support channel configured, or if
 * posting there fails, the thread is told to contact support directly: nobody is left waiting for a reply
 * that is not coming.
 */
export async function handOffToSupport(
  client: WebClient,
  request: HandoffRequest,
  options: {
    supportChannel: string | undefined;
    catalogue: SlackCatalogue;
    log: (message: string, details?: Record<string, unknown>) => void;
  },
): Promise<string> {
  const { supportChannel, catalogue } = options;
  if (!supportChannel) return catalogue.handoffNoChannel;
  try {
    const [summary, link] = await Promise.all([
      threadSummary(client, request),
      client.chat.getPermalink({ channel: request.channel, message_ts: request.threadRoot }),
    ]);
    const title = catalogue.handoffSummaryTitle(request.asker, request.reason);
    await client.chat.postMessage({
      channel: supportChannel,
      text: title,
      unfurl_links: false,
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: link.permalink ? `${title} <${link.permalink}|${catalogue.handoffThreadLink}>` : title,
          },
        },
        ...(summary ? [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: summary } }] : []),
      ],
    });
    return catalogue.handoffToChannel(supportChannel);
  } catch (error) {
    options.log('Could not hand the conversation to the support channel', { error: String(error) });
    return catalogue.handoffNoChannel;
  }
}

/** The thread's latest messages as quoted lines, who said each, with personal data taken out. */
async function threadSummary(client: WebClient, request: HandoffRequest): Promise<string> {
  const replies = await client.conversations.replies({
    channel: request.channel,
    ts: request.threadRoot,
    limit: 100,
  });
  const lines = (replies.messages ?? [])
    .filter((message) => (message.text ?? '').trim() !== '')
    .slice(-SUMMARY_MESSAGES)
    .map((message) => {
      const fromBot =
        message.bot_id !== undefined || (request.botUserId && message.user === request.botUserId);
      const who = fromBot ? 'Parley' : `<@${message.user ?? 'someone'}>`;
      // Slack's text is mrkdwn: decoded to words first, so redaction sees what was written.
      const said = redactPersonalData(textForLex(message.text ?? '', request.botUserId), 'handoff');
      const cut = said.length > SUMMARY_LINE_LENGTH ? `${said.slice(0, SUMMARY_LINE_LENGTH - 1)}…` : said;
      return `> ${who}: ${escapeMrkdwn(cut)}`;
    });
  return lines.join('\n').slice(0, 3000);
}
