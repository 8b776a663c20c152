import { BodyTooLargeError } from '../../edge/body';
import { writeAwsError } from '../../edge/aws-response';
import type { EdgeResponse } from '../../edge/service';
import { LexServiceError } from '../runtime/types';

/**
 * Writes any failure as a Lex V2 error. Declared errors keep their name and status; an oversized body is
 * the caller's mistake (ValidationException); anything else is a bug, logged with its request id.
 */
export function writeLexError(
  res: EdgeResponse,
  error: unknown,
  requestId: string,
  log: (line: string) => void,
): void {
  if (error instanceof LexServiceError) {
    writeAwsError(res, error.status, error.errorName, error.message, requestId);
    return;
  }
  if (error instanceof BodyTooLargeError) {
    writeAwsError(res, 400, 'ValidationException', error.message, requestId);
    return;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log(`lex: internal error in request ${requestId}: ${detail}`);
  writeAwsError(
    res,
    500,
    'InternalServerException',
    `The local Lex runtime failed unexpectedly; see its log for request ${requestId}`,
    requestId,
  );
}
