import type { Audience, Channel } from '../generative/channel-settings';
import type { LexV2Event } from './lex-event';

/** Request attributes a channel sets on RecognizeText / RecognizeUtterance to describe itself. */
export const REQUEST_ATTRIBUTES = {
  /** `voice` or `chat`: how the reply reaches the person. */
  channel: 'parley:channel',
  /** `staff` when the channel has authenticated the person as an employee. */
  audience: 'parley:audience',
} as const;

/**
 * How the reply will reach the person. Speech or DTMF input is a call, so the reply is spoken whatever the
 * attribute says; typed input is chat unless the channel says it speaks the reply (a text-to-speech flow).
 */
export function channelOf(event: LexV2Event): Channel {
  if (event.inputMode !== 'Text') return 'voice';
  return event.requestAttributes?.[REQUEST_ATTRIBUTES.channel] === 'voice' ? 'voice' : 'chat';
}

/**
 * Who may read internal articles (refund thresholds, fraud checks): `staff` only when the request says so
 * AND the input was typed. A phone call is always public: nobody on a call has been authenticated, and a
 * caller must never hear staff-only procedures because some hop in the telephony flow set an attribute.
 * Request attributes come from whoever calls Lex, so the staff claim is only as trustworthy as the channels
 * allowed to call the bot alias with text: the Slack worker, which authenticates its users. A public web
 * chat must not call that alias directly, or must drop this attribute at its ingress.
 */
export function audienceOf(event: LexV2Event): Audience {
  const claimsStaff = event.requestAttributes?.[REQUEST_ATTRIBUTES.audience] === 'staff';
  return claimsStaff && event.inputMode === 'Text' ? 'staff' : 'public';
}
