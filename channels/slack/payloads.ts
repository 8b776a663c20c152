import { z } from 'zod';

/**
 * The Slack payloads Parley acts on, parsed at the edge so everything after trusts their shape. Objects are
 * loose: Slack adds fields often, and Bolt (which the worker hands the body to) reads more than we name.
 */

export const MessageEventSchema = z.looseObject({
  type: z.enum(['message', 'app_mention']),
  channel: z.string().min(1),
  ts: z.string().min(1),
  user: z.string().min(1).optional(),
  text: z.string().optional(),
  thread_ts: z.string().min(1).optional(),
  /** `im` for a direct message; `channel`, `group` or `mpim` otherwise (absent on app_mention). */
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
});
export type MessageEvent = z.infer<typeof MessageEventSchema>;

export const EventCallbackSchema = z.looseObject({
  type: z.literal('event_callback'),
  team_id: z.string().min(1),
  event_id: z.string().min(1),
  event: z.looseObject({ type: z.string().min(1) }),
});
export type EventCallback = z.infer<typeof EventCallbackSchema>;

export const UrlVerificationSchema = z.looseObject({
  type: z.literal('url_verification'),
  challenge: z.string().min(1).max(1000),
});

export const BlockActionsSchema = z.looseObject({
  type: z.literal('block_actions'),
  team: z.looseObject({ id: z.string().min(1) }),
  user: z.looseObject({ id: z.string().min(1) }),
  channel: z.looseObject({ id: z.string().min(1) }),
  container: z.looseObject({ message_ts: z.string().min(1), thread_ts: z.string().min(1).optional() }),
  message: z.looseObject({ ts: z.string().min(1), thread_ts: z.string().min(1).optional() }).optional(),
  actions: z
    .array(
      z.looseObject({
        action_id: z.string().min(1),
        block_id: z.string().optional(),
        value: z.string().optional(),
        action_ts: z.string().min(1),
      }),
    )
    .min(1),
});
export type BlockActions = z.infer<typeof BlockActionsSchema>;

/** Work the ingress hands to the worker: a verified Slack body, as Bolt expects it. */
export const SlackWorkSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('event'),
    body: EventCallbackSchema,
    retryNum: z.number().int().nonnegative().optional(),
    retryReason: z.string().optional(),
  }),
  z.object({ kind: z.literal('interaction'), body: BlockActionsSchema }),
]);
export type SlackWork = z.infer<typeof SlackWorkSchema>;

/**
 * Something a person wrote: not a bot's post (Parley's own included), not an edit, deletion or any other
 * subtype, and with words in it.
 */
export function isPersonMessage(event: MessageEvent): event is MessageEvent & { user: string; text: string } {
  return (
    event.subtype === undefined &&
    event.bot_id === undefined &&
    event.user !== undefined &&
    (event.text ?? '').trim() !== ''
  );
}

export function isDirectMessage(event: MessageEvent): boolean {
  return event.channel_type === 'im';
}

export function isThreadReply(event: MessageEvent): boolean {
  return event.thread_ts !== undefined && event.thread_ts !== event.ts;
}

/**
 * Whether an event may need an answer: a mention, a direct message, or a reply in a thread (the worker then
 * checks that Parley is part of that thread). Everything else in the channels the app is in is dropped at
 * the door, so a busy channel costs no worker invocations.
 */
export function mayNeedAnswer(event: MessageEvent): boolean {
  if (!isPersonMessage(event)) return false;
  return event.type === 'app_mention' || isDirectMessage(event) || isThreadReply(event);
}
