import { newRequestId, writeJson } from '../edge/aws-response';
import { BodyTooLargeError } from '../edge/body';
import type { EdgeResponse } from '../edge/service';

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

export class BedrockServiceError extends Error {
  readonly status: number;

  constructor(
    readonly errorName: BedrockErrorName,
    message: string,
    readonly details: BedrockErrorDetails = {},
  ) {
    super(message);
    this.name = errorName;
    this.status = BEDROCK_ERROR_STATUS[errorName];
  }
}

export function validationError(message: string): BedrockServiceError {
  return new BedrockServiceError('ValidationException', message);
}

/**
 * Turns any failure into a Bedrock error. Declared errors keep their name and status, an oversized body is the
 * caller's mistake, and anything else is a bug: logged with its request id, answered as InternalServerException.
 */
export function toBedrockError(
  error: unknown,
  requestId: string,
  log: (line: string) => void,
): BedrockServiceError {
  if (error instanceof BedrockServiceError) return error;
  if (error instanceof BodyTooLargeError) return validationError(error.message);
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log(`bedrock: internal error in request ${requestId}: ${detail}`);
  return new BedrockServiceError(
    'InternalServerException',
    `The local Bedrock runtime failed unexpectedly; see its log for request ${requestId}`,
  );
}

/** restJson1 error: status, x-amzn-ErrorType, x-amzn-RequestId and {"message", ...details}. */
export function writeBedrockError(
  res: EdgeResponse,
  error: BedrockServiceError,
  requestId: string = newRequestId(),
): void {
  writeJson(
    res,
    error.status,
    { message: error.message, ...error.details },
    { 'x-amzn-ErrorType': error.errorName, 'x-amzn-RequestId': requestId },
  );
}
