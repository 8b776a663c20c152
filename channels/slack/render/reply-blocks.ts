import type { Message } from '@aws-sdk/client-lex-runtime-v2';
import type { ActionsBlock, Button, ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import type { AnswerDescription } from '../../../functions/lex-code-hook/answer-attribute';
import { ACTION_IDS, encodeValue } from '../actions';
import type { SlackCatalogue } from '../messages';
import { escapeMrkdwn, splitText } from './mrkdwn';

/** Block Kit limits (https://docs.slack.dev/reference/block-kit). */
export const BLOCK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  buttonText: 75,
  buttonsPerActions: 25,
  fallbackText: 3000,
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
 * from the knowledge base. More than 50 blocks go out as several messages, the buttons in the last.
 */
export function renderLexReply(reply: LexReply, context: ReplyContext): SlackPost[] {
  const blocks: KnownBlock[] = [];
  const plain: string[] = [];
  let hasCardButtons = false;
  for (const message of reply.messages) {
    if (message.contentType === 'ImageResponseCard' && message.imageResponseCard) {
      const card = message.imageResponseCard;
      plain.push([card.title, card.subtitle].filter(Boolean).join(' '));
      blocks.push(...cardBlocks(card, context));
      hasCardButtons ||= (card.buttons ?? []).length > 0;
    } else if (message.contentType === 'PlainText' || message.contentType === 'SSML') {
      // SSML reaches a text channel only by mistake; its words are still the answer.
      const text =
        message.contentType === 'SSML' ? stripTags(message.content ?? '') : (message.content ?? '');
      if (text.trim() === '') continue;
      plain.push(text);
      blocks.push(...sections(text));
    }
  }
  if (reply.dialogAction === 'ConfirmIntent' && !hasCardButtons) {
    const { yes, no } = context.catalogue;
    blocks.push(
      replyButtons(
        [
          { text: yes.label, value: yes.text },
          { text: no.label, value: no.text },
        ],
        context,
      ),
    );
  }
  const answer = reply.answer;
  if (answer && answer.citations.length > 0) blocks.push(sourcesBlock(answer, context.catalogue));
  if (answer?.turn !== undefined && RATED_SOURCES.has(answer.source)) {
    blocks.push(feedbackButtons(context.sessionId, answer.turn, context.catalogue));
  }
  return chunk(blocks, fallbackText(plain.join('\n')));
}

function sections(text: string): SectionBlock[] {
  return splitText(escapeMrkdwn(text), BLOCK_LIMITS.sectionText).map((piece) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: piece },
  }));
}

function cardBlocks(card: NonNullable<Message['imageResponseCard']>, context: ReplyContext): KnownBlock[] {
  const heading = [`*${escapeMrkdwn(card.title ?? '')}*`, escapeMrkdwn(card.subtitle ?? '')]
    .filter((line) => line.replace(/\*/g, '') !== '')
    .join('\n');
  const blocks: KnownBlock[] = [];
  if (heading) {
    const imageUrl = card.imageUrl && /^https:\/\//.test(card.imageUrl) ? card.imageUrl : undefined;
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: heading.slice(0, BLOCK_LIMITS.sectionText) },
      ...(imageUrl
        ? { accessory: { type: 'image', image_url: imageUrl, alt_text: card.title ?? 'image' } }
        : {}),
    });
  }
  const buttons = (card.buttons ?? []).filter((button) => button.text && button.value);
  if (buttons.length > 0) {
    blocks.push(
      replyButtons(
        buttons.map((b) => ({ text: b.text ?? '', value: b.value ?? '' })),
        context,
      ),
    );
  }
  return blocks;
}

function replyButtons(choices: { text: string; value: string }[], context: ReplyContext): ActionsBlock {
  return {
    type: 'actions',
    block_id: BLOCK_IDS.reply,
    elements: choices.slice(0, BLOCK_LIMITS.buttonsPerActions).map((choice, index): Button => ({
      type: 'button',
      // Unique per button: Slack refuses an actions block with repeated action ids.
      action_id: `${ACTION_IDS.reply}_${index}`,
      text: { type: 'plain_text', text: buttonLabel(choice.text), emoji: true },
      value: encodeValue({ text: choice.value.slice(0, 500), asker: context.asker }),
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
  return { type: 'context', elements: [{ type: 'mrkdwn', text: line.slice(0, BLOCK_LIMITS.sectionText) }] };
}

function buttonLabel(text: string): string {
  return text.length <= BLOCK_LIMITS.buttonText ? text : `${text.slice(0, BLOCK_LIMITS.buttonText - 1)}…`;
}

function fallbackText(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= BLOCK_LIMITS.fallbackText
    ? trimmed
    : `${trimmed.slice(0, BLOCK_LIMITS.fallbackText - 1)}…`;
}

function chunk(blocks: KnownBlock[], text: string): SlackPost[] {
  if (blocks.length === 0) return [];
  const posts: SlackPost[] = [];
  for (let start = 0; start < blocks.length; start += BLOCK_LIMITS.blocksPerMessage) {
    posts.push({ text, blocks: blocks.slice(start, start + BLOCK_LIMITS.blocksPerMessage) });
  }
  return posts;
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
