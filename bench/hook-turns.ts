import type { RecognizeTextCommandOutput } from '@aws-sdk/client-lex-runtime-v2';
import { readAnswerAttribute, type AnswerDescription } from '../functions/shared/answer-attribute';
import type { CodeHookBinding } from '../local/lex/dialog/hook-exchange';
import type { TurnLogEntry } from '../local/lex/runtime/turn-log';
import { coveredMs, type Interval } from './latency-stats';
import { cpuDuringUs, cpuMicros, type SdkCall, type SdkCallRecorder, type TimedSpan } from './sdk-calls';

export const HANDLER_PATHS = ['business intent', 'curated FAQ', 'model answer'] as const;
export type HandlerPath = (typeof HANDLER_PATHS)[number];

/** One turn as the code hook lived it: its own time and the time it spent waiting for AWS. */
export interface MeasuredTurn {
  /** Which way the hook answered; undefined for a turn it was not asked about or answered otherwise. */
  path: HandlerPath | undefined;
  /** Every code hook invocation of the turn, from call to settled promise (a turn may have two). */
  hookMs: number;
  /** The part of hookMs spent awaiting DynamoDB and Bedrock calls (`send`), overlaps counted once. */
  waitMs: number;
  /** hookMs - waitMs: the handler's own work, the issue 12 budget. */
  ownMs: number;
  /** hookMs less only the time on the wire: the handler's work and the SDK's (serialising, signing, parsing). */
  ownWithSdkMs: number;
  /**
   * ownMs and ownWithSdkMs in this process's CPU time: the same work, without the time other processes on a
   * busy machine took from it.
   */
  ownCpuMs: number;
  ownWithSdkCpuMs: number;
  calls: SdkCall[];
  /** The hook's invocations in the turn (performance.now() milliseconds), for a profile of its time. */
  invocations: Interval[];
}

/** Which path a turn took: the answer's source when the knowledge base answered, else the intent's own handler. */
export function handlerPathOf(
  answer: AnswerDescription | undefined,
  entry: Pick<TurnLogEntry, 'intent' | 'codeHookCalls'>,
): HandlerPath | undefined {
  if (answer?.source === 'curated') return 'curated FAQ';
  if (answer?.source === 'model') return 'model answer';
  if (answer || (entry.codeHookCalls ?? []).length === 0) return undefined;
  return entry.intent && entry.intent !== 'FallbackIntent' ? 'business intent' : undefined;
}

/**
 * Times turns one at a time (nothing else runs on the event loop meanwhile), so the recorder's calls during a
 * turn are the hook's own. Give `turnLog` and `instrument` to the local stack (its turnLog and codeHook
 * options) and attach the recorder to the hook's clients.
 */
export class HookTurnMeter {
  private last: TurnLogEntry | undefined;
  private invocations: TimedSpan[] = [];
  readonly turnLog = (entry: TurnLogEntry): void => {
    this.last = entry;
  };

  constructor(private readonly recorder: SdkCallRecorder) {}

  /** The binding with each invocation timed, in wall-clock and CPU time, from call to settled result. */
  instrument(binding: CodeHookBinding): CodeHookBinding {
    return {
      ...binding,
      fn: async (event, context) => {
        const startMs = performance.now();
        const cpuStartUs = cpuMicros();
        try {
          return await binding.fn(event, context);
        } finally {
          this.invocations.push({ startMs, endMs: performance.now(), cpuStartUs, cpuEndUs: cpuMicros() });
        }
      },
    };
  }

  async measure(say: () => Promise<RecognizeTextCommandOutput>): Promise<MeasuredTurn> {
    this.recorder.take();
    this.last = undefined;
    this.invocations = [];
    const reply = await say();
    await this.recorder.idle();
    const entry = this.last as TurnLogEntry | undefined;
    if (!entry) throw new Error('the local stack logged no turn: was HookTurnMeter.turnLog given to it?');
    if (entry.error) throw new Error(`turn failed: ${entry.error}`);
    const calls = this.recorder.take();
    const invocations = this.invocations;
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const inside = calls.filter((call) =>
      invocations.some((invocation) => call.startMs >= invocation.startMs && call.endMs <= invocation.endMs),
    );
    const wire = inside.flatMap((call) => call.wire);
    const hookMs = sum(invocations.map((invocation) => invocation.endMs - invocation.startMs));
    const hookCpuUs = sum(invocations.map((invocation) => invocation.cpuEndUs - invocation.cpuStartUs));
    const waitMs = sum(invocations.map((invocation) => coveredMs(inside, invocation)));
    const wireMs = sum(invocations.map((invocation) => coveredMs(wire, invocation)));
    return {
      path: handlerPathOf(readAnswerAttribute(reply.requestAttributes), entry),
      hookMs,
      waitMs,
      ownMs: Math.max(0, hookMs - waitMs),
      ownWithSdkMs: Math.max(0, hookMs - wireMs),
      ownCpuMs: Math.max(0, hookCpuUs - cpuDuringUs(inside)) / 1000,
      ownWithSdkCpuMs: Math.max(0, hookCpuUs - cpuDuringUs(wire)) / 1000,
      calls,
      invocations: invocations.map(({ startMs, endMs }) => ({ startMs, endMs })),
    };
  }
}
