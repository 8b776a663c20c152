import type { Audience, Channel } from '../generative/channel-settings';
import type { LexV2Event } from './lex-event';
import { REQUEST_ATTRIBUTES } from '../shared/channel-attributes';

/**
 * How the reply will reach the person. Speech or DTMF input is a call, so the reply is spoken whatever the
 * attribute says; typed input is chat unless the channel says it speaks the reply (a text-to-speech flow).
 */
export function channelOf(event: LexV2Event): Channel {
  if (event.inputMode !== 'Text') return 'voice';
  return event.requestAttributes?.[REQUEST_ATTRIBUTES.channel] === 'voice' ? 'voice' : 'chat';
}

/** Whether the channel renders the sources itself, so the message text need not name them. */
export function showsSourcesSeparately(event: LexV2Event): boolean {
  return event.requestAttributes?.[REQUEST_ATTRIBUTES.sources] === 'separate';
}

/**
 * Who may read internal articles (refund thresholds, fraud checks). The answer rests on the bot alias that
 * was called, which Lex itself puts in the event and IAM decides who may call: the staff alias is callable
 * only by the channels that authenticate employees (the Slack worker). Nothing a caller puts in a request
 * can make it `staff`. A call is public even on that alias: nobody on a phone line has been authenticated.
 */
export function audienceOf(event: LexV2Event, staffAliasName: string | undefined): Audience {
  const onStaffAlias = staffAliasName !== undefined && event.bot.aliasName === staffAliasName;
  return onStaffAlias && event.inputMode === 'Text' ? 'staff' : 'public';
}
