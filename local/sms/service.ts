import { randomUUID } from 'node:crypto';
import { writeJson } from '../edge/aws-response';
import { BodyTooLargeError, readBody } from '../edge/body';
import type { EdgeResponse, EdgeService } from '../edge/service';

/** AWS End User Messaging SMS (pinpoint-sms-voice-v2) speaks JSON 1.0 with the operation in X-Amz-Target. */
const TARGET_PREFIX = 'PinpointSMSVoiceV2.';
const JSON_1_0 = 'application/x-amz-json-1.0';
const MAX_BODY_BYTES = 64 * 1024;
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
 * SendTextMessage for the local stack, so the follow-up sender runs its real client offline: the message is
 * checked as the service checks it (E.164 number, body length) and kept, not sent.
 */
export function createLocalSms(log: (line: string) => void = () => undefined): LocalSms {
  const sent: SentText[] = [];
  const refuse = (res: EdgeResponse, type: string, message: string) =>
    writeJson(res, 400, { __type: type, Message: message, message }, { 'content-type': JSON_1_0 });

  return {
    name: 'sms',
    matches: (req) => String(req.headers['x-amz-target'] ?? '').startsWith(TARGET_PREFIX),
    async handle(req, res) {
      const operation = String(req.headers['x-amz-target']).slice(TARGET_PREFIX.length);
      if (operation !== 'SendTextMessage') {
        refuse(
          res,
          'UnknownOperationException',
          `The local SMS service serves SendTextMessage only, not ${operation}`,
        );
        return;
      }
      let input: { DestinationPhoneNumber?: unknown; MessageBody?: unknown };
      try {
        input = JSON.parse((await readBody(req, MAX_BODY_BYTES)).toString('utf8') || '{}') as typeof input;
      } catch (problem) {
        refuse(
          res,
          'ValidationException',
          problem instanceof BodyTooLargeError ? problem.message : 'Body is not JSON',
        );
        return;
      }
      const to = input.DestinationPhoneNumber;
      const body = input.MessageBody;
      if (typeof to !== 'string' || !E164.test(to)) {
        refuse(
          res,
          'ValidationException',
          'DestinationPhoneNumber must be an E.164 number like +15095551212',
        );
        return;
      }
      if (typeof body !== 'string' || body.length === 0 || body.length > MAX_MESSAGE_LENGTH) {
        refuse(res, 'ValidationException', `MessageBody must be 1 to ${MAX_MESSAGE_LENGTH} characters`);
        return;
      }
      const text = { messageId: randomUUID(), to, body, sentAt: new Date().toISOString() };
      sent.push(text);
      log(`sms: text to ${to.slice(0, -4).replace(/\d/g, '*')}${to.slice(-4)} (${body.length} characters)`);
      writeJson(res, 200, { MessageId: text.messageId }, { 'content-type': JSON_1_0 });
    },
    sent: () => sent,
  };
}
