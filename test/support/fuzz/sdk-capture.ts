import { Readable } from 'node:stream';
import type { RawRequest } from './raw-http';

interface SerializedRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

class Captured extends Error {
  constructor(readonly request: SerializedRequest) {
    super('captured');
  }
}

/** The SDK's transport slot: takes the signed request the client built and sends nothing. */
export const capturingHandler = {
  handle(request: SerializedRequest): Promise<never> {
    return Promise.reject(new Captured(request));
  },
};

/**
 * The request the real SDK client serializes and signs for a command, as raw bytes for the fuzzer: every
 * seed starts valid because the SDK, not the test, wrote it. Pass what `client.send(command)` returns; the client must be built with
 * `requestHandler: capturingHandler` and `maxAttempts: 1`.
 */
export async function capture(sending: Promise<unknown>): Promise<RawRequest> {
  const outcome = await sending.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Captured)) {
    throw new Error(`The SDK did not reach its transport: ${String(outcome)}`, { cause: outcome });
  }
  const { method, path, query, headers, body } = outcome.request;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value ?? '']) search.append(name, item);
  }
  const queryText = search.toString();
  return {
    method,
    target: queryText ? `${path}?${queryText}` : path,
    headers: Object.entries(headers).filter(([name]) => !/^(host|content-length)$/i.test(name)),
    body: await bytesOf(body),
  };
}

async function bytesOf(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  // Copied from the bytes: the SDK's JSON body type answers Buffer.from's valueOf() with a string.
  if (body instanceof Uint8Array)
    return Buffer.from(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  if (body instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  }
  throw new Error(`Unexpected request body type ${typeof body}`);
}
