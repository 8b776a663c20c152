import type { Message } from '@aws-sdk/client-lex-runtime-v2';
import type { ActionsBlock, Button, ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import type { AnswerDescription } from '../../../functions/shared/answer-attribute';
import { ACTION_IDS, encodeValue } from '../actions';
import type { SlackCatalogue } from '../messages';
import { cutText, escapeMrkdwn, shortened, splitText } from './mrkdwn';

/** Block Kit limits (https://docs.slack.dev/reference/block-kit). */
export const BLOCK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  buttonText: 75,
  buttonsPerActions: 25,
  fallbackText: 3000,
  buttonValue: 2000,
} as const;

/** Block ids of the interactive blocks, so a click can find and replace the block it came from. */
export const BLOCK_IDS = { reply: 'parley_reply_buttons', feedback: 'parley_feedback_buttons' } as const;

/** Answers worth rating: ours or the model's from our articles, not an apology or "nothing found". */
const RATED_SOURCES: ReadonlySet<AnswerDescription['source']> = new Set(['curated', 'model']);

export interface LexReply {
  messages: readonly Message[];
  /** The dialog action Lex ends the turn with (`ConfirmIntent` gets yes/no buttons). */
  dialogAction?: string;
  /** The hook's description of a knowledge-base answer, when this turn gave one. */
  answer?: AnswerDescription;
}

export interface ReplyContext {
  /** The Lex session the turn belongs to: feedback is recorded against it. */
  sessionId: string;
  /** Who asked: reply buttons answer for them only. */
  asker: string;
  catalogue: SlackCatalogue;
}

export interface SlackPost {
  /** Notification and accessibility text; Slack shows blocks when there are any. */
  text: string;
  blocks: KnownBlock[];
}

/**
 * One Lex turn as Slack messages: each Lex message as escaped mrkdwn sections, response cards and yes/no
 * questions as buttons, the answer's sources as a context line and helpful / not helpful buttons on answers
 * from the knowledge base. More than 50 blocks go out as several messages; the buttons and sources always
 * come last, in the last message, under all the words they belong to.
 */
export function renderLexReply(reply: LexReply, context: ReplyContext): SlackPost[] {
  const content: KnownBlock[] = [];
  const plain: string[] = [];
  const choices: { text: string; value: string }[] = [];
  for (const message of reply.messages) {
    if (message.contentType === 'ImageResponseCard' && message.imageResponseCard) {
      const card = message.imageResponseCard;
      plain.push([card.title, card.subtitle].filter(Boolean).join(' '));
      const heading = cardHeading(card);
      if (heading) content.push(heading);
      for (const button of card.buttons ?? []) {
        if (button.text && button.value) choices.push({ text: button.text, value: button.value });
      }
    } else if (message.contentType === 'PlainText' || message.contentType === 'SSML') {
      // SSML reaches a text channel only by mistake; its words are still the answer.
      const text =
        message.contentType === 'SSML' ? stripTags(message.content ?? '') : (message.content ?? '');
      if (text.trim() === '') continue;
      plain.push(text);
      content.push(...sections(text));
    }
  }
  if (reply.dialogAction === 'ConfirmIntent' && choices.length === 0) {
    const { yes, no } = context.catalogue;
    choices.push({ text: yes.label, value: yes.text }, { text: no.label, value: no.text });
  }
  const trailing: KnownBlock[] = [];
  // One actions block for every choice of the turn: a click then names the one block to replace.
  if (choices.length > 0) trailing.push(replyButtons(choices, context));
  const answer = reply.answer;
  if (answer && answer.citations.length > 0) trailing.push(sourcesBlock(answer, context.catalogue));
  if (answer?.turn !== undefined && RATED_SOURCES.has(answer.source)) {
    trailing.push(feedbackButtons(context.sessionId, answer.turn, context.catalogue));
  }
  return posts(content, trailing, fallbackText(plain.join('\n')));
}

function sections(text: string): SectionBlock[] {
  return splitText(escapeMrkdwn(text), BLOCK_LIMITS.sectionText).map((piece) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: piece },
  }));
}

function cardHeading(card: NonNullable<Message['imageResponseCard']>): SectionBlock | undefined {
  const heading = [`*${escapeMrkdwn(card.title ?? '')}*`, escapeMrkdwn(card.subtitle ?? '')]
    .filter((line) => line.replace(/\*/g, '') !== '')
    .join('\n');
  if (!heading) return undefined;
  const imageUrl = card.imageUrl && /^https:\/\//.test(card.imageUrl) ? card.imageUrl : undefined;
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: shortened(heading, BLOCK_LIMITS.sectionText) },
    ...(imageUrl
      ? {
          accessory: { type: 'image', image_url: imageUrl, alt_text: shortened(card.title ?? 'image', 2000) },
        }
      : {}),
  };
}

function replyButtons(choices: { text: string; value: string }[], context: ReplyContext): ActionsBlock {
  return {
    type: 'actions',
    block_id: BLOCK_IDS.reply,
    elements: choices.slice(0, BLOCK_LIMITS.buttonsPerActions).map((choice, index): Button => ({
      type: 'button',
      // Unique per button: Slack refuses an actions block with repeated action ids.
      action_id: `${ACTION_IDS.reply}_${index}`,
      text: { type: 'plain_text', text: shortened(choice.text, BLOCK_LIMITS.buttonText), emoji: true },
      value: replyValue(choice.value, context.asker),
    })),
  };
}

function feedbackButtons(sessionId: string, turn: number, catalogue: SlackCatalogue): ActionsBlock {
  return {
    type: 'actions',
    block_id: BLOCK_IDS.feedback,
    elements: [
      {
        type: 'button',
        action_id: `${ACTION_IDS.feedback}_helpful`,
        text: { type: 'plain_text', text: catalogue.helpful, emoji: true },
        value: encodeValue({ session: sessionId, turn, verdict: 'helpful' }),
      },
      {
        type: 'button',
        action_id: `${ACTION_IDS.feedback}_unhelpful`,
        text: { type: 'plain_text', text: catalogue.notHelpful, emoji: true },
        value: encodeValue({ session: sessionId, turn, verdict: 'unhelpful' }),
      },
    ],
  };
}

function sourcesBlock(answer: AnswerDescription, catalogue: SlackCatalogue): ContextBlock {
  const titles = [...new Set(answer.citations.map((citation) => citation.title))];
  const line = `${catalogue.sources}: ${titles.map(escapeMrkdwn).join(' · ')}`;
  return { type: 'context', elements: [{ type: 'mrkdwn', text: shortened(line, BLOCK_LIMITS.sectionText) }] };
}

/** Lex's RecognizeText takes up to 1,024 characters; a choice is a word or two. */
const MAX_REPLY_TEXT = 500;

/**
 * The button's value within Slack's limit even when JSON escaping multiplies its length (control characters
 * take six each): the text is cut further until the encoded value fits.
 */
function replyValue(text: string, asker: string): string {
  let room = MAX_REPLY_TEXT;
  for (;;) {
    const value = { text: cutText(text, room), asker };
    if (JSON.stringify(value).length <= BLOCK_LIMITS.buttonValue || room <= 1) return encodeValue(value);
    room = Math.floor(room / 2);
  }
}

/** The notification text: escaped like the blocks, since Slack reads mentions and pings in it too. */
function fallbackText(text: string): string {
  return shortened(escapeMrkdwn(text.trim()), BLOCK_LIMITS.fallbackText);
}

/**
 * Messages of at most 50 blocks: the words first, the trailing blocks (buttons, sources, feedback) together
 * at the end of the last message.
 */
function posts(content: KnownBlock[], trailing: KnownBlock[], text: string): SlackPost[] {
  if (content.length === 0 && trailing.length === 0) return [];
  const result: SlackPost[] = [];
  const remaining = [...content];
  const lastRoom = BLOCK_LIMITS.blocksPerMessage - trailing.length;
  while (remaining.length > lastRoom) {
    result.push({ text, blocks: remaining.splice(0, BLOCK_LIMITS.blocksPerMessage) });
  }
  result.push({ text, blocks: [...remaining, ...trailing] });
  return result;
}

function stripTags(ssml: string): string {
  return ssml
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
