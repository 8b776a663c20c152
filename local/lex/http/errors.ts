import { RequestAbortedError } from '../../edge/body';
import { toServiceError, writeServiceError, type ServiceErrors } from '../../edge/service-error';
import type { EdgeResponse } from '../../edge/service';
import { LexServiceError } from '../runtime/types';
import { validationError } from './validation';

const LEX_ERRORS: ServiceErrors<LexServiceError> = {
  logName: 'lex',
  displayName: 'The local Lex runtime',
  isOwn: (error) => error instanceof LexServiceError,
  validation: validationError,
  internal: (message) => new LexServiceError('InternalServerException', message),
};

/** Writes any failure as a Lex V2 error (see toServiceError); a client that hung up gets nothing. */
export function writeLexError(
  res: EdgeResponse,
  error: unknown,
  requestId: string,
  log: (line: string) => void,
): void {
  if (error instanceof RequestAbortedError) {
    if (!res.writableEnded) res.end();
    return;
  }
  writeServiceError(res, toServiceError(error, requestId, log, LEX_ERRORS), requestId);
}
