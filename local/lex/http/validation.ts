import type { z } from 'zod';
import { parseWithAwsMessage } from '../../edge/validation-message';
import { LexServiceError } from '../runtime/types';

/** Parses an untrusted value, or throws ValidationException in the AWS wording. */
export function parseOrReject<T>(schema: z.ZodType<T>, value: unknown, fieldPrefix?: string): T {
  return parseWithAwsMessage(schema, value, validationError, fieldPrefix);
}

export function validationError(message: string): LexServiceError {
  return new LexServiceError('ValidationException', message);
}
