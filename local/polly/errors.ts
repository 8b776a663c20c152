import { writeAwsError } from '../edge/aws-response';
import { BodyTooLargeError } from '../edge/body';
import type { EdgeResponse } from '../edge/service';
import { SpeechEngineError } from '../speech/espeak';

/** The errors SynthesizeSpeech and DescribeVoices declare, with the status codes of the service model. */
export const POLLY_ERROR_STATUS = {
  ValidationException: 400,
  InvalidSsmlException: 400,
  TextLengthExceededException: 400,
  SsmlMarksNotSupportedForTextTypeException: 400,
  MarksNotSupportedForFormatException: 400,
  EngineNotSupportedException: 400,
  InvalidSampleRateException: 400,
  LanguageNotSupportedException: 400,
  InvalidNextTokenException: 400,
  LexiconNotFoundException: 404,
  UnknownOperationException: 404,
  ServiceFailureException: 500,
} as const;

export type PollyErrorName = keyof typeof POLLY_ERROR_STATUS;

export class PollyServiceError extends Error {
  readonly status: number;

  constructor(
    readonly errorName: PollyErrorName,
    message: string,
  ) {
    super(message);
    this.name = errorName;
    this.status = POLLY_ERROR_STATUS[errorName];
  }
}

export function validationError(message: string): PollyServiceError {
  return new PollyServiceError('ValidationException', message);
}

export function invalidSsml(message: string): PollyServiceError {
  return new PollyServiceError('InvalidSsmlException', message);
}

/**
 * Any failure as a Polly error. Declared errors keep their name and status; an oversized body is the caller's
 * mistake; a synthesizer that failed is ServiceFailureException, as Polly reports its own engine failing; and
 * anything else is a bug here, logged with its request id and answered as ServiceFailureException too.
 */
export function toPollyError(
  error: unknown,
  requestId: string,
  log: (line: string) => void,
): PollyServiceError {
  if (error instanceof PollyServiceError) return error;
  if (error instanceof BodyTooLargeError) return validationError(error.message);
  if (error instanceof SpeechEngineError) {
    log(`polly: speech engine failed in request ${requestId}: ${error.message}`);
    return new PollyServiceError(
      'ServiceFailureException',
      `The local speech engine failed: ${error.message}`,
    );
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log(`polly: internal error in request ${requestId}: ${detail}`);
  return new PollyServiceError(
    'ServiceFailureException',
    `The local Polly failed unexpectedly; see its log for request ${requestId}`,
  );
}

export function writePollyError(res: EdgeResponse, error: PollyServiceError, requestId: string): void {
  writeAwsError(res, error.status, error.errorName, error.message, requestId);
}
