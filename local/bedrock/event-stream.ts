import type { Writable } from 'node:stream';
import { EventStreamCodec, type MessageHeaders } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import type { EdgeResponse } from '../edge/service';
import type { BedrockServiceError } from './errors';
import type { StreamEvent } from './stream-events';

export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

/**
 * Bedrock pads every event payload with a field of random length (`p`) against token-length side channels;
 * clients must ignore it, so the local stream carries one too.
 */
const PADDING_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** ConverseStreamOutput's modeled exceptions, by the error they stand for. */
const STREAM_EXCEPTION_MEMBERS: Readonly<Record<string, string>> = {
  InternalServerException: 'internalServerException',
  ValidationException: 'validationException',
  ThrottlingException: 'throttlingException',
  ServiceUnavailableException: 'serviceUnavailableException',
  ModelErrorException: 'modelStreamErrorException',
};

function stringHeaders(values: Record<string, string>): MessageHeaders {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, { type: 'string' as const, value }]),
  );
}

export function encodeEvent(event: StreamEvent, sequence: number): Uint8Array {
  const padding = PADDING_ALPHABET.slice(0, 1 + ((sequence * 7) % PADDING_ALPHABET.length));
  return codec.encode({
    headers: stringHeaders({
      ':message-type': 'event',
      ':event-type': event.type,
      ':content-type': 'application/json',
    }),
    body: fromUtf8(JSON.stringify({ ...event.payload, p: padding })),
  });
}

/**
 * A failure after the 200 has gone out. Errors ConverseStreamOutput models travel as exception frames (the
 * SDK throws the matching class from its loop; a model error becomes modelStreamErrorException); any other
 * as an unmodeled error frame, which the SDK throws as an Error named by its code.
 */
export function encodeFailure(error: BedrockServiceError): Uint8Array {
  const member = STREAM_EXCEPTION_MEMBERS[error.errorName];
  if (member === undefined) {
    return codec.encode({
      headers: stringHeaders({
        ':message-type': 'error',
        ':error-code': error.errorName,
        ':error-message': error.message.slice(0, 10_000),
      }),
      body: new Uint8Array(0),
    });
  }
  const body =
    member === 'modelStreamErrorException'
      ? {
          message: error.message,
          originalMessage: error.message,
          ...(error.details.originalStatusCode !== undefined
            ? { originalStatusCode: error.details.originalStatusCode }
            : {}),
        }
      : { message: error.message };
  return codec.encode({
    headers: stringHeaders({
      ':message-type': 'exception',
      ':exception-type': member,
      ':content-type': 'application/json',
    }),
    body: fromUtf8(JSON.stringify(body)),
  });
}

/** Writes one ConverseStream response: the 200 with its headers, then frames as they come. */
export class EventStreamWriter {
  private sequence = 0;

  constructor(
    private readonly res: EdgeResponse,
    requestId: string,
  ) {
    res.writeHead(200, { 'content-type': EVENT_STREAM_CONTENT_TYPE, 'x-amzn-RequestId': requestId });
  }

  send(event: StreamEvent): void {
    this.write(encodeEvent(event, this.sequence));
    this.sequence += 1;
  }

  fail(error: BedrockServiceError): void {
    this.write(encodeFailure(error));
    this.end();
  }

  end(): void {
    if (!this.res.writableEnded) this.res.end();
  }

  private write(frame: Uint8Array): void {
    // Both response kinds are Writables; their write() overloads differ too much for TypeScript to call the union.
    if (!this.res.writableEnded) (this.res as Writable).write(frame);
  }
}
