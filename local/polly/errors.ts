import { AwsServiceError, toServiceError, type ServiceErrors } from '../edge/service-error';
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

export class PollyServiceError extends AwsServiceError<PollyErrorName> {
  constructor(errorName: PollyErrorName, message: string) {
    super(errorName, POLLY_ERROR_STATUS[errorName], message, {});
  }
}

export function validationError(message: string): PollyServiceError {
  return new PollyServiceError('ValidationException', message);
}

export function invalidSsml(message: string): PollyServiceError {
  return new PollyServiceError('InvalidSsmlException', message);
}

const POLLY_ERRORS: ServiceErrors<PollyServiceError> = {
  logName: 'polly',
  displayName: 'The local Polly',
  isOwn: (error) => error instanceof PollyServiceError,
  validation: validationError,
  internal: (message) => new PollyServiceError('ServiceFailureException', message),
};

/**
 * Any failure as a Polly error (see toServiceError). A synthesizer that failed is ServiceFailureException,
 * as Polly reports its own engine failing.
 */
export function toPollyError(
  error: unknown,
  requestId: string,
  log: (line: string) => void,
): PollyServiceError {
  if (error instanceof SpeechEngineError) {
    log(`polly: speech engine failed in request ${requestId}: ${error.message}`);
    return new PollyServiceError(
      'ServiceFailureException',
      `The local speech engine failed: ${error.message}`,
    );
  }
  return toServiceError(error, requestId, log, POLLY_ERRORS);
}
