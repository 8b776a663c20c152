import { randomUUID } from 'node:crypto';
import { JsonProtocolError, jsonProtocolService } from '../edge/json-protocol';
import type { EdgeService } from '../edge/service';

const E164 = /^\+[1-9]\d{1,14}$/;
/** The service's limit on one message body. */
const MAX_MESSAGE_LENGTH = 1600;

export interface SentText {
  messageId: string;
  to: string;
  body: string;
  sentAt: string;
}

export interface LocalSms extends EdgeService {
  /** Every text "sent", oldest first: offline, a text goes here (and to the log) instead of a phone. */
  sent(): readonly SentText[];
}

/**
 * AWS End User Messaging SMS (pinpoint-sms-voice-v2) SendTextMessage for the local stack, so the follow-up
 * sender runs its real client offline: the message is checked as the service checks it (E.164 number, body
 * length) and kept, not sent.
 */
export function createLocalSms(log: (line: string) => void = () => undefined): LocalSms {
  const sent: SentText[] = [];
  const service = jsonProtocolService({
    name: 'sms',
    targetPrefix: 'PinpointSMSVoiceV2.',
    contentType: 'application/x-amz-json-1.0',
    operations: {
      SendTextMessage: ({ DestinationPhoneNumber: to, MessageBody: body }) => {
        if (typeof to !== 'string' || !E164.test(to)) {
          throw new JsonProtocolError(
            'ValidationException',
            'DestinationPhoneNumber must be an E.164 number like +15095551212',
          );
        }
        if (typeof body !== 'string' || body.length === 0 || body.length > MAX_MESSAGE_LENGTH) {
          throw new JsonProtocolError(
            'ValidationException',
            `MessageBody must be 1 to ${MAX_MESSAGE_LENGTH} characters`,
          );
        }
        const text = { messageId: randomUUID(), to, body, sentAt: new Date().toISOString() };
        sent.push(text);
        log(`sms: text to ${to.slice(0, -4).replace(/\d/g, '*')}${to.slice(-4)} (${body.length} characters)`);
        return { MessageId: text.messageId };
      },
    },
  });
  return { ...service, sent: () => sent };
}
