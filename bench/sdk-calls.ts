import type { HandlerExecutionContext, MiddlewareStack } from '@smithy/types';
import { overlapGroups, type Interval } from './latency-stats';

/** A stretch of time, in performance.now() milliseconds, with this process's CPU time at both ends. */
export interface TimedSpan extends Interval {
  /** This process's CPU time (user and system, microseconds) at startMs and at endMs. */
  cpuStartUs: number;
  cpuEndUs: number;
}

/**
 * One SDK call as its caller awaited it (the span: `client.send` from start to end) and the time its requests
 * were on the wire inside it (one span per attempt: from the signed request leaving to the response's head).
 */
export interface SdkCall extends TimedSpan {
  client: string;
  command: string;
  /** The DynamoDB table named in the input, when there is one. */
  table: string | undefined;
  wire: TimedSpan[];
  /** The request bodies' size (DynamoDB's JSON), 0 for a stream. */
  requestBytes: number;
  /** The responses' Content-Length, 0 when the service sent none. */
  responseBytes: number;
}

const SEND_MIDDLEWARE = 'parleyBenchSendTime';
const WIRE_MIDDLEWARE = 'parleyBenchWireTime';
const READS = /^(Get|BatchGet|Query|Scan|TransactGet)/;
const WRITES = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;

export type RequestKind = 'read' | 'write' | 'other';

/** DynamoDB's commands by what they bill: read or write capacity. */
export function requestKind(command: string): RequestKind {
  if (READS.test(command)) return 'read';
  if (WRITES.test(command)) return 'write';
  return 'other';
}

/** Any SDK client: the middlewares read only the wire request and response, whatever the client's types. */
interface StackOwner {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each client has its own input and output types
  middlewareStack: MiddlewareStack<any, any>;
}

/**
 * Records every call of the clients it is attached to, with two middlewares: the first in the stack times the
 * call as awaited, the last (inside serialisation, signing and retries) each attempt on the wire. Benchmarks
 * only: production code never carries them.
 */
export class SdkCallRecorder {
  private calls: SdkCall[] = [];
  private readonly open = new WeakMap<HandlerExecutionContext, SdkCall>();
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  attach(name: string, client: StackOwner): () => void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { TableName?: unknown } | undefined;
        const call: SdkCall = {
          client: name,
          command: String(context.commandName ?? 'unknown'),
          table: typeof input?.TableName === 'string' ? input.TableName : undefined,
          ...span(),
          wire: [],
          requestBytes: 0,
          responseBytes: 0,
        };
        this.open.set(context, call);
        this.inFlight += 1;
        try {
          return await next(args);
        } finally {
          Object.assign(call, end());
          this.calls.push(call);
          this.inFlight -= 1;
          if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
        }
      },
      { step: 'initialize', priority: 'high', name: SEND_MIDDLEWARE },
    );
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const call = this.open.get(context);
        const request = args.request as { body?: unknown };
        const attempt = span();
        try {
          const output = await next(args);
          const response = output.response as { headers?: Record<string, string> };
          if (call) call.responseBytes += Number(response.headers?.['content-length'] ?? 0) || 0;
          return output;
        } finally {
          call?.wire.push({ ...attempt, ...end() });
          if (call) call.requestBytes += bodyBytes(request.body);
        }
      },
      { step: 'deserialize', priority: 'low', name: WIRE_MIDDLEWARE },
    );
    return () => {
      client.middlewareStack.remove(SEND_MIDDLEWARE);
      client.middlewareStack.remove(WIRE_MIDDLEWARE);
    };
  }

  /** The calls finished since the last take, in the order they finished; the recorder starts afresh. */
  take(): SdkCall[] {
    return this.calls.splice(0);
  }

  /** Resolves when no recorded call is in flight, so a fire-and-forget write is counted with its turn. */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}

/** A serialised body's size: the SDK hands the wire a string or bytes, or a stream it does not measure. */
function bodyBytes(body: unknown): number {
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof Uint8Array) return body.byteLength;
  return 0;
}

function span(): TimedSpan {
  const startMs = performance.now();
  const cpuStartUs = cpuMicros();
  return { startMs, endMs: startMs, cpuStartUs, cpuEndUs: cpuStartUs };
}

function end(): Pick<TimedSpan, 'endMs' | 'cpuEndUs'> {
  return { endMs: performance.now(), cpuEndUs: cpuMicros() };
}

/** The process's CPU time so far, user and system, in microseconds. */
export function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * The process's CPU time during the spans, overlapping spans counted once (from the earliest start to the
 * latest end of each overlapping group): in a process that also runs the local services, this is their work
 * while a handler waits for them, not the handler's.
 */
export function cpuDuringUs(spans: readonly TimedSpan[]): number {
  return overlapGroups(spans).reduce((sum, group) => {
    const first = group.members[0];
    const last = group.members.reduce((latest, member) => (member.endMs > latest.endMs ? member : latest));
    return sum + (first && last ? last.cpuEndUs - first.cpuStartUs : 0);
  }, 0);
}
