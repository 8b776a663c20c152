import { newRequestId, writeJson } from './aws-response';
import { BodyTooLargeError, readBody } from './body';
import type { EdgeService } from './service';

const MAX_BODY_BYTES = 64 * 1024;

/** An AWS JSON-protocol error: the `__type` the SDK turns into its exception class, and the message. */
export class JsonProtocolError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

export interface JsonProtocolServiceOptions {
  name: string;
  /** `X-Amz-Target` is `<prefix><Operation>`, e.g. `secretsmanager.GetSecretValue`. */
  targetPrefix: string;
  /** `application/x-amz-json-1.0` or `-1.1`, as the service's SDK client sends and expects. */
  contentType: string;
  operations: Record<string, (input: Record<string, unknown>) => unknown>;
}

/**
 * A local stand-in for an AWS service on the JSON protocol (every request a POST naming its operation in
 * X-Amz-Target): reads the body, runs the operation, and answers its result or a `JsonProtocolError` the way
 * the service does, so the real SDK client raises the same exception class.
 */
export function jsonProtocolService(options: JsonProtocolServiceOptions): EdgeService {
  // Every AWS answer carries a request id, which the SDK reports in $metadata and support asks for.
  const answer = (res: Parameters<EdgeService['handle']>[1], status: number, body: unknown) =>
    writeJson(res, status, body, { 'content-type': options.contentType, 'x-amzn-RequestId': newRequestId() });
  return {
    name: options.name,
    matches: (req) => String(req.headers['x-amz-target'] ?? '').startsWith(options.targetPrefix),
    async handle(req, res) {
      const operationName = String(req.headers['x-amz-target']).slice(options.targetPrefix.length);
      try {
        const operation = options.operations[operationName];
        if (!operation) {
          throw new JsonProtocolError(
            'UnknownOperationException',
            `The local ${options.name} serves ${Object.keys(options.operations).join(', ')} only, not ${operationName}`,
          );
        }
        answer(res, 200, operation(await readInput(req)));
      } catch (error) {
        if (!(error instanceof JsonProtocolError)) throw error;
        answer(res, 400, { __type: error.type, message: error.message, Message: error.message });
      }
    },
  };
}

async function readInput(req: Parameters<EdgeService['handle']>[0]): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = (await readBody(req, MAX_BODY_BYTES)).toString('utf8');
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new JsonProtocolError('ValidationException', error.message);
    throw error;
  }
  try {
    const input: unknown = JSON.parse(text || '{}');
    if (input !== null && typeof input === 'object' && !Array.isArray(input))
      return input as Record<string, unknown>;
  } catch {
    // Answered below, as the service answers a body it cannot read.
  }
  throw new JsonProtocolError('SerializationException', 'The request body is not a JSON object');
}
