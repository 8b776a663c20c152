import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeAwsError, writeResponse } from '../edge/aws-response';
import { BodyTooLargeError, readBody } from '../edge/body';
import type { EdgeRequest, EdgeResponse, EdgeService } from '../edge/service';
import type { LocalFunctions } from './functions';
import { invokeFunction } from './invoke';

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
/** Lambda's payload limits: 6 MB for a synchronous invocation, 1 MB for an asynchronous one. */
const SYNC_PAYLOAD_LIMIT = 6 * 1024 * 1024;
const ASYNC_PAYLOAD_LIMIT = 1024 * 1024;

export interface LambdaServiceOptions {
  functions: LocalFunctions;
  /**
   * Waits before the two retries of a failed asynchronous invocation. Lambda waits about one and two
   * minutes; locally a few seconds show the same behaviour without making a person wait.
   */
  retryDelaysMs?: readonly number[];
  log?: (line: string) => void;
}

export interface LambdaHttpService extends EdgeService {
  /** Resolves once every asynchronous invocation accepted so far has finished, retries included. */
  drain(): Promise<void>;
}

/**
 * The Lambda Invoke API (`POST /2015-03-31/functions/{name}/invocations`) for functions deployed locally,
 * so code that hands work to another function through @aws-sdk/client-lambda runs unchanged offline.
 * `Event` invocations are queued and answered 202 at once, then run with Lambda's two retries on failure;
 * `RequestResponse` runs the handler and returns its result, a thrown error as `X-Amz-Function-Error`.
 */
export function createLambdaHttpService(options: LambdaServiceOptions): LambdaHttpService {
  const log = options.log ?? (() => undefined);
  const retryDelaysMs = options.retryDelaysMs ?? [1_000, 2_000];
  const running = new Set<Promise<void>>();

  async function runWithRetries(name: string, event: unknown, requestId: string): Promise<void> {
    for (let attempt = 0; attempt <= retryDelaysMs.length; attempt += 1) {
      const fn = options.functions.find(name);
      if (!fn) return;
      const outcome = await invokeFunction(fn.handler, event, {
        timeoutMs: fn.timeoutMs,
        functionName: fn.name,
      });
      if (outcome.kind === 'returned') return;
      const why = outcome.kind === 'threw' ? describe(outcome.error) : `timed out after ${fn.timeoutMs} ms`;
      const delay = retryDelaysMs[attempt];
      log(
        `lambda: ${fn.name} async invocation ${requestId} failed (attempt ${attempt + 1}): ${why}` +
          (delay === undefined ? '; no retries left, the event is dropped' : `; retrying in ${delay} ms`),
      );
      if (delay === undefined) return;
      await sleep(delay);
    }
  }

  return {
    name: 'lambda',
    matches: (req) => req.method === 'POST' && INVOKE_PATH.test(pathOf(req)),
    async handle(req, res) {
      const requestId = randomUUID();
      const name = decodeURIComponent(INVOKE_PATH.exec(pathOf(req))?.[1] ?? '');
      const invocationType = headerOf(req, 'x-amz-invocation-type') ?? 'RequestResponse';
      const fn = options.functions.find(name);
      if (!fn) {
        const known = options.functions.names().join(', ') || 'none';
        writeAwsError(
          res,
          404,
          'ResourceNotFoundException',
          `Function not found: ${name} (deployed: ${known})`,
          requestId,
        );
        return;
      }
      if (!['RequestResponse', 'Event', 'DryRun'].includes(invocationType)) {
        writeAwsError(
          res,
          400,
          'InvalidParameterValueException',
          `X-Amz-Invocation-Type must be RequestResponse, Event or DryRun, not ${invocationType}`,
          requestId,
        );
        return;
      }
      const event = await readPayload(
        req,
        res,
        invocationType === 'Event' ? ASYNC_PAYLOAD_LIMIT : SYNC_PAYLOAD_LIMIT,
        requestId,
      );
      if (event === NO_PAYLOAD) return;
      const headers = { 'x-amzn-RequestId': requestId, 'X-Amz-Executed-Version': '$LATEST' };
      if (invocationType === 'DryRun') {
        writeResponse(res, 204, headers);
        return;
      }
      if (invocationType === 'Event') {
        const run = runWithRetries(fn.name, event, requestId).finally(() => running.delete(run));
        running.add(run);
        writeResponse(res, 202, headers);
        return;
      }
      const outcome = await invokeFunction(fn.handler, event, {
        timeoutMs: fn.timeoutMs,
        functionName: fn.name,
      });
      if (outcome.kind === 'returned') {
        writeResponse(
          res,
          200,
          { ...headers, 'content-type': 'application/json' },
          JSON.stringify(outcome.value ?? null),
        );
        return;
      }
      const error =
        outcome.kind === 'threw'
          ? { errorType: errorName(outcome.error), errorMessage: describe(outcome.error) }
          : {
              errorType: 'Sandbox.Timedout',
              errorMessage: `Task timed out after ${fn.timeoutMs / 1000} seconds`,
            };
      writeResponse(
        res,
        200,
        { ...headers, 'content-type': 'application/json', 'X-Amz-Function-Error': 'Unhandled' },
        JSON.stringify(error),
      );
    },
    async drain() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

const NO_PAYLOAD = Symbol('no payload');

/** The JSON event, or NO_PAYLOAD once an error answer has been written. */
async function readPayload(
  req: EdgeRequest,
  res: EdgeResponse,
  limit: number,
  requestId: string,
): Promise<unknown> {
  let body: Buffer;
  try {
    body = await readBody(req, limit);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    writeAwsError(
      res,
      413,
      'RequestTooLargeException',
      `Request payload is over the ${limit}-byte limit`,
      requestId,
    );
    return NO_PAYLOAD;
  }
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    writeAwsError(
      res,
      400,
      'InvalidRequestContentException',
      `Could not parse request body into json: ${(error as Error).message}`,
      requestId,
    );
    return NO_PAYLOAD;
  }
}

function pathOf(req: EdgeRequest): string {
  return (req.url ?? '/').split('?')[0] ?? '/';
}

function headerOf(req: EdgeRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
