import type { GenerativeMessages } from './messages';

/**
 * Why the generative path could not give a grounded answer. The kind picks the customer's message and the
 * log level; the detail (an error or stop reason name) goes to the logs only.
 */
export type FailureKind =
  | 'throttled'
  | 'timeout'
  | 'unavailable'
  | 'model_error'
  | 'rejected'
  | 'guardrail'
  | 'malformed_output'
  | 'ungrounded';

export interface AnswerFailure {
  kind: FailureKind;
  detail: string;
}

const KIND_BY_ERROR_NAME: ReadonlyMap<string, FailureKind> = new Map([
  ['ThrottlingException', 'throttled'],
  ['TooManyRequestsException', 'throttled'],
  ['ModelNotReadyException', 'throttled'],
  ['ServiceQuotaExceededException', 'throttled'],
  ['ServiceUnavailableException', 'unavailable'],
  ['InternalServerException', 'unavailable'],
  ['ModelTimeoutException', 'timeout'],
  // Our own deadline, the SDK's reaction to the aborted signal, and the HTTP handler's socket timeout.
  ['DeadlineExceededError', 'timeout'],
  ['AbortError', 'timeout'],
  ['TimeoutError', 'timeout'],
  ['ModelErrorException', 'model_error'],
  ['ModelStreamErrorException', 'model_error'],
  // A request Bedrock refuses is our configuration's fault (model id, permissions, guardrail, prompt shape).
  ['ValidationException', 'rejected'],
  ['AccessDeniedException', 'rejected'],
  ['ResourceNotFoundException', 'rejected'],
  ['UnrecognizedClientException', 'rejected'],
  ['ExpiredTokenException', 'rejected'],
]);

/**
 * The failure behind an error thrown while calling the model. Matched by name, which the SDK sets from the
 * wire error type, so modeled and unmodeled errors classify alike. Anything else (a refused connection, a
 * DNS failure) reads as the service being unavailable.
 */
export function failureOf(error: unknown): AnswerFailure {
  const name = error instanceof Error ? error.name : typeof error;
  return { kind: KIND_BY_ERROR_NAME.get(name) ?? 'unavailable', detail: name };
}

/** Failures an operator must fix, as opposed to ones that pass by themselves. */
export function needsOperator(kind: FailureKind): boolean {
  return kind === 'rejected';
}

export function failureMessage(kind: FailureKind, messages: GenerativeMessages): string {
  switch (kind) {
    case 'throttled':
      return messages.busy;
    case 'timeout':
      return messages.slow;
    case 'unavailable':
    case 'model_error':
    case 'rejected':
      return messages.unavailable;
    case 'guardrail':
      return messages.blocked;
    case 'malformed_output':
    case 'ungrounded':
      return messages.unsure;
  }
}
