import { newRequestId, writeJson } from './aws-response';
import { BodyTooLargeError } from './body';
import type { EdgeResponse } from './service';

/**
 * An error a local stand-in answers as its AWS service does: the exception name the SDK turns into its class,
 * the status the service model gives that name, and the members some errors carry beside `message`.
 */
export class AwsServiceError<Name extends string = string, Details extends object = object> extends Error {
  constructor(
    readonly errorName: Name,
    readonly status: number,
    message: string,
    readonly details: Details,
  ) {
    super(message);
    this.name = errorName;
  }
}

/** How one service turns failures into its own errors. */
export interface ServiceErrors<E extends AwsServiceError> {
  /** Its log lines' prefix, like `lex`. */
  logName: string;
  /** Itself at the start of a message, like `The local Lex runtime`. */
  displayName: string;
  isOwn(error: unknown): error is E;
  validation(message: string): E;
  /** The error the service answers when it failed itself. */
  internal(message: string): E;
}

/**
 * Any failure as the service's error. Its own errors keep their name and status; an oversized body is the
 * caller's mistake (ValidationException); anything else is a bug here, logged with its request id and
 * answered as the service's internal error.
 */
export function toServiceError<E extends AwsServiceError>(
  error: unknown,
  requestId: string,
  log: (line: string) => void,
  service: ServiceErrors<E>,
): E {
  if (service.isOwn(error)) return error;
  if (error instanceof BodyTooLargeError) return service.validation(error.message);
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log(`${service.logName}: internal error in request ${requestId}: ${detail}`);
  return service.internal(`${service.displayName} failed unexpectedly; see its log for request ${requestId}`);
}

/** restJson1 error: status, x-amzn-ErrorType, x-amzn-RequestId and {"message", ...details}. */
export function writeServiceError(
  res: EdgeResponse,
  error: AwsServiceError,
  requestId: string = newRequestId(),
): void {
  writeJson(
    res,
    error.status,
    { message: error.message, ...error.details },
    { 'x-amzn-ErrorType': error.errorName, 'x-amzn-RequestId': requestId },
  );
}
