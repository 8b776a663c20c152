import type { EdgeRequest } from './service';

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`Request body is larger than the ${limitBytes}-byte limit`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The client hung up before its request was complete: no answer can reach it, and nothing went wrong here,
 * so services end the exchange quietly instead of logging an internal error.
 */
export class RequestAbortedError extends Error {
  constructor() {
    super('The client hung up before sending the whole request');
    this.name = 'RequestAbortedError';
  }
}

/** Reads the whole request body, refusing (without buffering the excess) anything over maxBytes. */
export function readBody(req: EdgeRequest, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.reject(new BodyTooLargeError(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > maxBytes) {
        req.removeListener('data', onData);
        // Keep draining so an HTTP/1.1 connection stays in sync for the error response.
        req.resume();
        reject(new BodyTooLargeError(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, received)));
    req.once('error', () => reject(new RequestAbortedError()));
    req.once('aborted', () => reject(new RequestAbortedError()));
  });
}
