import { z } from 'zod';
import { parseOrReject } from './validation';

/*
 * Fault switches, so the code behind Converse can be tested against the failures Bedrock really has. One
 * fault is armed at a time; arming another replaces it.
 *
 * `count` counts HTTP requests that reach this service, not SDK calls: the SDK retries 429, 500 and 503 on its
 * own (3 attempts in all by default), and each attempt takes one. So with the default retry policy a
 * `throttle` with count 1 is absorbed by a retry, while count 3 makes the call fail; a client built with
 * `maxAttempts: 1` sees exactly `count` failed calls. Without `count` the fault stays until cleared.
 */

export const FAULT_MODES = ['throttle', 'timeout', '5xx', 'malformed', 'guardrail'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/** Long enough that any sensible client deadline fires first, like a model that never answers. */
export const DEFAULT_TIMEOUT_DELAY_MS = 30_000;
const MAX_DELAY_MS = 10 * 60_000;
const MAX_COUNT = 10_000;

export const faultSpecSchema = z
  .strictObject({
    mode: z.enum(FAULT_MODES),
    /** Requests the fault applies to; omitted: every request until cleared. */
    count: z.number().int().min(1).max(MAX_COUNT).optional(),
    /** timeout only: how long to hold each request before answering ModelTimeoutException. */
    delayMs: z.number().int().min(0).max(MAX_DELAY_MS).optional(),
    /** 5xx only: InternalServerException (500, the default) or ServiceUnavailableException (503). */
    status: z.union([z.literal(500), z.literal(503)]).optional(),
    /**
     * malformed only: `off_schema` answers the tool with input that breaks its schema; `prose` answers in
     * plain text instead of calling the tool. Default: off_schema when the request offers a tool, else prose.
     */
    variant: z.enum(['off_schema', 'prose']).optional(),
  })
  .superRefine((spec, ctx) => {
    const misplaced: [keyof typeof spec, FaultMode][] = [
      ['delayMs', 'timeout'],
      ['status', '5xx'],
      ['variant', 'malformed'],
    ];
    for (const [option, mode] of misplaced) {
      if (spec[option] !== undefined && spec.mode !== mode) {
        ctx.addIssue({
          code: 'custom',
          path: [option],
          message: `applies only to mode ${mode}`,
          input: spec,
        });
      }
    }
  });
export type FaultSpec = z.infer<typeof faultSpecSchema>;

/** One armed fault as it applies to a request, defaults filled in. */
export type Fault =
  | { mode: 'throttle' }
  | { mode: 'timeout'; delayMs: number }
  | { mode: '5xx'; status: 500 | 503 }
  | { mode: 'malformed'; variant?: 'off_schema' | 'prose' }
  | { mode: 'guardrail' };

export interface FaultState {
  fault: Fault;
  /** Requests it still applies to; null while it lasts until cleared. */
  remaining: number | null;
  /** Requests it has applied to since it was armed. */
  triggered: number;
}

export class FaultInjector {
  private armed: FaultState | undefined;

  /** Arms a fault, replacing any other. Throws ValidationException (BedrockServiceError) for a bad spec. */
  set(spec: unknown): FaultState {
    const valid = parseOrReject(faultSpecSchema, spec);
    this.armed = { fault: withDefaults(valid), remaining: valid.count ?? null, triggered: 0 };
    return this.state() as FaultState;
  }

  clear(): void {
    this.armed = undefined;
  }

  state(): FaultState | undefined {
    return this.armed && { ...this.armed, fault: { ...this.armed.fault } };
  }

  /** The fault for the request being served, if any; each call uses up one of its `count`. */
  take(): Fault | undefined {
    const armed = this.armed;
    if (!armed) return undefined;
    armed.triggered += 1;
    if (armed.remaining !== null) {
      armed.remaining -= 1;
      if (armed.remaining === 0) this.armed = undefined;
    }
    return { ...armed.fault };
  }
}

function withDefaults(spec: FaultSpec): Fault {
  switch (spec.mode) {
    case 'timeout':
      return { mode: 'timeout', delayMs: spec.delayMs ?? DEFAULT_TIMEOUT_DELAY_MS };
    case '5xx':
      return { mode: '5xx', status: spec.status ?? 500 };
    case 'malformed':
      return spec.variant ? { mode: 'malformed', variant: spec.variant } : { mode: 'malformed' };
    case 'throttle':
    case 'guardrail':
      return { mode: spec.mode };
  }
}
