import type { z } from 'zod';
import { describeIssues } from '../lex/http/validation';
import { validationError } from './errors';

/**
 * Parses an untrusted value into its schema's type, or throws ValidationException in the AWS wording
 * ("1 validation error detected: Value at 'inferenceConfig.temperature' failed to satisfy constraint: ...").
 * The wording is shared with the Lex adapter, which also speaks restJson1.
 */
export function parseOrReject<T>(schema: z.ZodType<T>, value: unknown, fieldPrefix?: string): T {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw validationError(describeIssues(result.error.issues, fieldPrefix));
}
