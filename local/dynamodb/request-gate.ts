import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { crc32 } from 'node:zlib';
import { BodyTooLargeError, readBody } from '../edge/body';
import type { EdgeRequest, EdgeResponse } from '../edge/service';

/** DynamoDB's JSON protocol names the operation in X-Amz-Target; every request is a POST to `/`. */
export const DYNAMODB_TARGET_PREFIX = 'DynamoDB_20120810.';

/** DynamoDB's own request size limit. */
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
const JSON_TYPES = new Set(['application/x-amz-json-1.0', 'application/json']);

export type DynamoDbHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * What stands between the edge and the DynamoDB engine. It reads the whole request first, so a client that
 * hangs up mid-body costs nothing (dynalite rethrows the request's `aborted` error, which took the whole local
 * stack down), and catches what dynalite throws on a body it cannot read (the same crash). It refuses what is
 * not a DynamoDB call with a JSON error that says why, and gives the bare `{"__type"}` errors dynalite answers
 * a message naming the operation, as every other local service does.
 */
export function gateDynamoDbRequests(
  engine: DynamoDbHandler,
): (req: EdgeRequest, res: EdgeResponse) => Promise<void> {
  return async (req, res) => {
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.slice(DYNAMODB_TARGET_PREFIX.length);
    if (req.method !== 'POST') {
      req.resume();
      answerError(
        res,
        'UnknownOperationException',
        `DynamoDB operations are POST requests to /, not ${req.method ?? 'no method'}`,
      );
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, MAX_REQUEST_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        answerError(res, 'ValidationException', `${error.message}, DynamoDB's request size limit`, 413);
      }
      // Otherwise the client went away before sending its request: there is no one left to answer.
      return;
    }
    const contentType =
      String(req.headers['content-type'] ?? '')
        .split(';')[0]
        ?.trim()
        .toLowerCase() ?? '';
    if (body.length > 0 && !JSON_TYPES.has(contentType)) {
      answerError(
        res,
        'UnknownOperationException',
        `DynamoDB requests carry Content-Type application/x-amz-json-1.0, not "${contentType}"`,
      );
      return;
    }
    try {
      JSON.parse(body.toString('utf8') || '{}');
    } catch (error) {
      answerError(
        res,
        'SerializationException',
        `The ${operation} request body is not valid JSON: ${(error as Error).message}`,
      );
      return;
    }
    const replay = replayOf(req, body);
    try {
      engine(replay, explainingBareErrors(res as ServerResponse, operation, target));
      // Fed synchronously, so what dynalite throws while it checks the body (a null where an attribute value
      // belongs, say) lands here instead of escaping from an event handler and taking the process down.
      if (body.length > 0) replay.emit('data', body);
      replay.emit('end');
    } catch (error) {
      answerError(
        res,
        'SerializationException',
        `The local DynamoDB could not read this ${operation} request: ${(error as Error).message}`,
      );
    }
  };
}

/**
 * The request again, body already read: what an engine reads of an IncomingMessage. dynalite listens for
 * data and end, which the gate emits itself; DynamoDB Local's relay pipes the request on, which hands it the
 * whole body at once.
 */
function replayOf(req: EdgeRequest, body: Buffer): IncomingMessage {
  return Object.assign(new EventEmitter(), {
    method: req.method,
    url: req.url,
    headers: req.headers,
    httpVersion: req.httpVersion,
    socket: req.socket,
    pipe<T extends NodeJS.WritableStream>(destination: T): T {
      destination.end(body);
      return destination;
    },
  }) as unknown as IncomingMessage;
}

/**
 * dynalite answers an unknown operation or a body of the wrong shape as DynamoDB does, with only a
 * `__type`; the message added here says which operation and what to do, and the CRC the SDK checks is
 * recomputed for the new body.
 */
function explainingBareErrors(res: ServerResponse, operation: string, target: string): ServerResponse {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const explained = (chunk: unknown): string | undefined => {
    if (res.statusCode < 400 || (typeof chunk !== 'string' && !Buffer.isBuffer(chunk))) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(chunk.toString());
    } catch {
      return undefined;
    }
    if (typeof body !== 'object' || body === null || 'message' in body || !('__type' in body))
      return undefined;
    const type = String(body.__type).split('#').pop() ?? '';
    return JSON.stringify({ ...body, message: bareErrorMessage(type, operation, target) });
  };
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    const text = explained(chunk);
    if (text === undefined) return end(chunk, ...rest);
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.setHeader('x-amz-crc32', crc32(text));
    return end(text);
  }) as ServerResponse['end'];
  return res;
}

function bareErrorMessage(type: string, operation: string, target: string): string {
  if (type === 'UnknownOperationException') {
    return operation
      ? `The local DynamoDB does not serve ${operation} (X-Amz-Target ${target})`
      : `X-Amz-Target must name an operation, as in ${DYNAMODB_TARGET_PREFIX}GetItem; got "${target}"`;
  }
  if (type === 'SerializationException') {
    return `The ${operation} request body does not have the shape DynamoDB expects for it`;
  }
  return `${type} from the local DynamoDB for ${operation}`;
}

function answerError(res: EdgeResponse, type: string, message: string, status = 400): void {
  const body = JSON.stringify({ __type: `com.amazon.coral.service#${type}`, message });
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': String(Buffer.byteLength(body)),
    'x-amz-crc32': String(crc32(body)),
    'x-amzn-requestid': randomRequestId(),
  });
  res.end(body);
}

/** DynamoDB's request ids are 52 upper-case letters and digits, as dynalite makes them. */
function randomRequestId(): string {
  return randomBytes(39).toString('base64').toUpperCase().replace(/[+/]/g, '0');
}
