import path from 'node:path';
import { RecognizeTextCommand, RecognizeUtteranceCommand } from '@aws-sdk/client-lex-runtime-v2';
import { readAnswerAttribute } from '../../functions/shared/answer-attribute';
import { stepInput, ungzipJson } from '../call/place-call';
import type { CallStep } from '../call/steps';
import type {
  AnswerSourceExpectation,
  ConversationAlias,
  ConversationChannel,
  ConversationTest,
  ConversationTurn,
} from './format';
import type { Target } from './target';
import { HANDOFF_REQUEST_ATTRIBUTE, REQUEST_ATTRIBUTES } from '../../functions/shared/channel-attributes';

/** Everything a conversation test can check about the bot's reply to one turn. */
export interface ObservedTurn {
  intent?: string;
  state?: string;
  dialogAction?: string;
  slotToElicit?: string;
  slots: Record<string, string | null>;
  sessionAttributes: Record<string, string>;
  messages: { contentType: string; content: string }[];
  source: AnswerSourceExpectation;
  articles: string[];
  handoff: boolean;
  /** What Lex heard: the typed text, the ASR transcript or the keys. */
  heard: string;
}

/** The request attributes a channel sends with a typed turn (see functions/lex-code-hook/question-context.ts). */
export const TYPED_ATTRIBUTES: Readonly<Record<ConversationChannel, Record<string, string>>> = {
  web: { [REQUEST_ATTRIBUTES.channel]: 'chat' },
  slack: { [REQUEST_ATTRIBUTES.channel]: 'chat', [REQUEST_ATTRIBUTES.sources]: 'separate' },
  // A typed turn on the phone channel is a text-to-speech flow: the reply is spoken.
  phone: { [REQUEST_ATTRIBUTES.channel]: 'voice' },
};

export interface TurnSettings {
  channel: ConversationChannel;
  localeId: string;
  alias: ConversationAlias;
}

/** A turn's channel, locale and alias: its own, else the conversation's; Slack goes to the staff alias. */
export function settingsOf(conversation: ConversationTest, turn: ConversationTurn): TurnSettings {
  const channel = turn.channel ?? conversation.channel;
  return {
    channel,
    localeId: turn.locale ?? conversation.locale,
    alias: turn.alias ?? conversation.alias ?? (channel === 'slack' ? 'staff' : 'public'),
  };
}

/** Sends one turn through the real Lex runtime client: typed turns with RecognizeText, the rest as a call does. */
export async function sendTurn(
  target: Target,
  conversation: ConversationTest,
  turn: ConversationTurn,
  sessionId: string,
): Promise<ObservedTurn> {
  const settings = settingsOf(conversation, turn);
  const request = {
    botId: target.botId,
    botAliasId: target.aliasId(settings.alias),
    localeId: settings.localeId,
    sessionId,
  };
  const sendTyped = async (text: string): Promise<ObservedTurn> => {
    const reply = await target.lex.send(
      new RecognizeTextCommand({ ...request, text, requestAttributes: TYPED_ATTRIBUTES[settings.channel] }),
    );
    return observe({
      state: reply.sessionState,
      messages: reply.messages,
      requestAttributes: reply.requestAttributes,
      heard: text,
    });
  };
  if ('user' in turn) return sendTyped(turn.user);
  if ('dtmf' in turn && target.keypad === 'typed') return sendTyped(withoutEndKey(turn.dtmf));
  const reply = await target.lex.send(
    new RecognizeUtteranceCommand({
      ...request,
      responseContentType: 'text/plain; charset=utf-8',
      ...(await stepInput(callStep(conversation, turn), {
        polly: target.polly,
        localeId: settings.localeId,
      })),
    }),
  );
  return observe({
    state: ungzipJson(reply.sessionState) as WireState | undefined,
    messages: ungzipJson(reply.messages) as WireMessage[] | undefined,
    requestAttributes: ungzipJson(reply.requestAttributes) as Record<string, string> | undefined,
    heard: (ungzipJson(reply.inputTranscript) as string | undefined) ?? '',
  });
}

/** The digits without the key that ends them (#), as a person would type them. */
function withoutEndKey(keys: string): string {
  return keys.replace(/#$/, '');
}

function callStep(
  conversation: ConversationTest,
  turn: Exclude<ConversationTurn, { user: string }>,
): CallStep {
  if ('say' in turn) return { kind: 'say', text: turn.say };
  if ('dtmf' in turn) return { kind: 'dtmf', keys: turn.dtmf };
  return { kind: 'wav', path: path.resolve(path.dirname(conversation.file), turn.wav) };
}

interface WireState {
  dialogAction?: { type?: string; slotToElicit?: string };
  intent?: {
    name?: string;
    state?: string;
    slots?: Record<string, { value?: { interpretedValue?: string } } | null>;
  };
  sessionAttributes?: Record<string, string>;
}

interface WireMessage {
  contentType?: string;
  content?: string;
}

function observe(reply: {
  state: WireState | undefined;
  messages: WireMessage[] | undefined;
  requestAttributes: Record<string, string> | undefined;
  heard: string;
}): ObservedTurn {
  const { state } = reply;
  const attributes = reply.requestAttributes ?? {};
  const answer = readAnswerAttribute(attributes);
  const slots = Object.fromEntries(
    Object.entries(state?.intent?.slots ?? {}).map(([name, slot]) => [
      name,
      slot?.value?.interpretedValue ?? null,
    ]),
  );
  return {
    ...(state?.intent?.name ? { intent: state.intent.name } : {}),
    ...(state?.intent?.state ? { state: state.intent.state } : {}),
    ...(state?.dialogAction?.type ? { dialogAction: state.dialogAction.type } : {}),
    ...(state?.dialogAction?.slotToElicit ? { slotToElicit: state.dialogAction.slotToElicit } : {}),
    slots,
    sessionAttributes: state?.sessionAttributes ?? {},
    messages: (reply.messages ?? []).map((message) => ({
      contentType: message.contentType ?? 'PlainText',
      content: message.content ?? '',
    })),
    source: sourceOf(answer?.source, answer?.citations.length ?? 0),
    articles: [
      ...new Set((answer?.citations ?? []).map((citation) => citation.id.split('#')[0] ?? citation.id)),
    ],
    handoff: attributes[HANDOFF_REQUEST_ATTRIBUTE] !== undefined,
    heard: reply.heard,
  };
}

/**
 * No answer description: a business intent replied. An answer cites its articles; a reply from the knowledge
 * path that cites none (an apology, a question back, a failed call) answered nothing.
 */
function sourceOf(source: string | undefined, citations: number): AnswerSourceExpectation {
  if (source === undefined) return 'intent';
  if ((source === 'curated' || source === 'model') && citations > 0) return source;
  return 'none';
}
