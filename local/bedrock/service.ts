import { performance } from 'node:perf_hooks';
import { newRequestId, writeAwsError } from '../edge/aws-response';
import { readJsonBody } from '../edge/json-body';
import { writeServiceError } from '../edge/service-error';
import type { EdgeRequest, EdgeResponse, EdgeService } from '../edge/service';
import { answerConverse } from './answer';
import { writeConverseResponse } from './converse-response';
import type { ConverseEngine, ParsedConverseRequest } from './engine';
import { toBedrockError, validationError } from './errors';
import { EventStreamWriter } from './event-stream';
import { handleFaultAdmin } from './fault-admin';
import { ClientAbortedError, failBeforeAnswering } from './fault-effects';
import type { Fault, FaultInjector } from './faults';
import type { GuardedOutput } from './guardrail';
import { parseConverseRequest } from './requests';
import { isBedrockPath, routeBedrockRequest, type ConverseOperation } from './routes';
import { eventsAfterStart, MESSAGE_START } from './stream-events';

/**
 * Converse takes images, documents and video inline (base64), a few MB each; 16 MiB leaves room for that
 * while refusing abuse before it is buffered.
 */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024 * 1024;

export interface BedrockHttpServiceOptions {
  engine: ConverseEngine;
  faults: FaultInjector;
  log?: (line: string) => void;
}

/** A readiness check that takes longer than this is reported as a problem, not waited for. */
const READINESS_TIMEOUT_MS = 3000;

interface Exchange {
  req: EdgeRequest;
  res: EdgeResponse;
  requestId: string;
  /** Aborts when the client goes away before the response is complete. */
  signal: AbortSignal;
}

/**
 * Bedrock Runtime's Converse and ConverseStream (restJson1 over h2c or HTTP/1.1) on the edge, plus the fault
 * switch at /_parley/bedrock/faults. Every model id is accepted and answered by the one engine: there is no
 * model catalogue locally, so ResourceNotFoundException never comes from here. Credentials are never checked;
 * SigV4 and bearer-token requests are served alike.
 */
export function createBedrockHttpService(options: BedrockHttpServiceOptions): EdgeService {
  const { engine, faults } = options;
  const log = options.log ?? (() => undefined);
  log(`bedrock: Converse and ConverseStream answered by ${engine.id} for every model id`);
  reportReadiness(engine, log);

  const serveConverse = async (
    exchange: Exchange,
    operation: ConverseOperation,
    modelId: string,
  ): Promise<void> => {
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    const request = parseConverseRequest(
      modelId,
      await readJsonBody(exchange.req, operation, MAX_REQUEST_BODY_BYTES, validationError),
    );
    const fault = faults.take();
    const describe = (outcome: string): string =>
      `bedrock: ${operation} ${modelId} -> ${outcome} by ${engine.id} in ${elapsed()} ms` +
      `${fault ? ` [fault: ${fault.mode}]` : ''} (request ${exchange.requestId})`;
    try {
      await failBeforeAnswering(fault, exchange.signal);
      const output =
        operation === 'Converse'
          ? await converse(exchange, request, fault, elapsed)
          : await converseStream(exchange, request, fault, elapsed);
      if (output) log(describe(output.stopReason));
    } catch (error) {
      log(describe(exchange.signal.aborted ? 'client aborted' : errorNameOf(error)));
      throw error;
    }
  };

  const converse = async (
    { res, requestId, signal }: Exchange,
    request: ParsedConverseRequest,
    fault: Fault | undefined,
    elapsed: () => number,
  ): Promise<GuardedOutput> => {
    const output = await answerConverse(request, engine, fault, signal);
    writeConverseResponse(res, requestId, output, elapsed());
    return output;
  };

  /** The 200 and messageStart go out before the engine runs: the SDK's send() waits for the first frame. */
  const converseStream = async (
    { res, requestId, signal }: Exchange,
    request: ParsedConverseRequest,
    fault: Fault | undefined,
    elapsed: () => number,
  ): Promise<GuardedOutput | undefined> => {
    const stream = new EventStreamWriter(res, requestId);
    stream.send(MESSAGE_START);
    try {
      const output = await answerConverse(request, engine, fault, signal);
      for (const event of eventsAfterStart(output, elapsed())) stream.send(event);
      stream.end();
      return output;
    } catch (error) {
      if (signal.aborted) {
        stream.end();
        throw new ClientAbortedError();
      }
      const failure = toBedrockError(error, requestId, log);
      stream.fail(failure);
      throw failure;
    }
  };

  return {
    name: 'bedrock',
    matches: (req) => isBedrockPath(req.url ?? '/'),
    handle: async (req, res) => {
      const exchange: Exchange = { req, res, requestId: newRequestId(), signal: clientAbortSignal(res) };
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      try {
        const route = routeBedrockRequest(method, url);
        switch (route.kind) {
          case 'converse':
            await serveConverse(exchange, route.operation, route.modelId);
            return;
          case 'faults':
            await handleFaultAdmin(faults, req, res, exchange.requestId);
            return;
          case 'unsupported':
            writeAwsError(res, 404, 'UnknownOperationException', route.message, exchange.requestId);
            return;
          case 'unknown':
            writeAwsError(
              res,
              404,
              'UnknownOperationException',
              `No Bedrock Runtime operation matches ${method} ${url.split('?')[0] ?? url}`,
              exchange.requestId,
            );
            return;
        }
      } catch (error) {
        if (error instanceof ClientAbortedError || exchange.signal.aborted) {
          if (!res.writableEnded) res.end();
          return;
        }
        // A stream that failed in-band has ended already, and writing an error only ends what is still open.
        writeServiceError(res, toBedrockError(error, exchange.requestId, log), exchange.requestId);
      }
    },
  };
}

/** A response closed before this service ended it means the client went away (h2 reports a finished write then). */
function clientAbortSignal(res: EdgeResponse): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableEnded) controller.abort();
  });
  return controller.signal;
}

function reportReadiness(engine: ConverseEngine, log: (line: string) => void): void {
  if (!engine.checkReadiness) return;
  engine.checkReadiness(AbortSignal.timeout(READINESS_TIMEOUT_MS)).then(
    (problem) => {
      if (problem !== undefined) log(`bedrock: ${engine.id} is not ready: ${problem}`);
    },
    (error: unknown) =>
      log(
        `bedrock: ${engine.id} readiness check failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
  );
}

/** By shape: an error raised by fetch or another realm need not be `instanceof` this realm's Error. */
function errorNameOf(error: unknown): string {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : 'error';
}
