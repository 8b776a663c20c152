import { AwsServiceError, toServiceError, type ServiceErrors } from '../edge/service-error';

/** The errors Converse and ConverseStream declare, with the status codes of the service model. */
export const BEDROCK_ERROR_STATUS = {
  ValidationException: 400,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ModelTimeoutException: 408,
  ModelErrorException: 424,
  ThrottlingException: 429,
  ModelNotReadyException: 429,
  InternalServerException: 500,
  ServiceUnavailableException: 503,
} as const;

export type BedrockErrorName = keyof typeof BEDROCK_ERROR_STATUS;

/** Members some errors carry beside `message` (ModelErrorException, ModelStreamErrorException). */
export interface BedrockErrorDetails {
  originalStatusCode?: number;
  resourceName?: string;
}

export class BedrockServiceError extends AwsServiceError<BedrockErrorName, BedrockErrorDetails> {
  constructor(errorName: BedrockErrorName, message: string, details: BedrockErrorDetails = {}) {
    super(errorName, BEDROCK_ERROR_STATUS[errorName], message, details);
  }
}

export function validationError(message: string): BedrockServiceError {
  return new BedrockServiceError('ValidationException', message);
}

const BEDROCK_ERRORS: ServiceErrors<BedrockServiceError> = {
  logName: 'bedrock',
  displayName: 'The local Bedrock runtime',
  isOwn: (error) => error instanceof BedrockServiceError,
  validation: validationError,
  internal: (message) => new BedrockServiceError('InternalServerException', message),
};

/** Any failure as a Bedrock error (see toServiceError). */
export function toBedrockError(
  error: unknown,
  requestId: string,
  log: (line: string) => void,
): BedrockServiceError {
  return toServiceError(error, requestId, log, BEDROCK_ERRORS);
}
