import type { z } from 'zod';
import { parseWithAwsMessage } from '../edge/validation-message';
import { validationError } from './errors';

/**
 * Parses an untrusted value into its schema's type, or throws ValidationException in the AWS wording
 * ("1 validation error detected: Value at 'inferenceConfig.temperature' failed to satisfy constraint: ...").
 * The wording is shared with the Lex adapter, which also speaks restJson1.
 */
export function parseOrReject<T>(schema: z.ZodType<T>, value: unknown, fieldPrefix?: string): T {
  return parseWithAwsMessage(schema, value, validationError, fieldPrefix);
}
