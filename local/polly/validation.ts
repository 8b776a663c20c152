import type { z } from 'zod';
import { describeIssues } from '../edge/validation-message';
import { validationError } from './errors';

type Issue = z.core.$ZodIssue;

/**
 * Parses an untrusted value into its schema's type, or throws ValidationException in the AWS wording. Polly
 * names members in lower camel case in these messages ("Value at 'voiceId' failed to satisfy constraint")
 * although the wire spells them VoiceId, so the first path segment is renamed.
 */
export function parseOrReject<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw validationError(describeIssues(result.error.issues.map(asPollyIssue)));
}

function asPollyIssue(issue: Issue): Issue {
  const [first, ...rest] = issue.path;
  const path = typeof first === 'string' ? [lowerCamel(first), ...rest] : issue.path;
  // zod reports a missing enum member as a bad enum value; AWS says the member must not be null.
  if (issue.code === 'invalid_value' && issue.input === undefined) {
    return { code: 'invalid_type', expected: 'string', input: undefined, path, message: issue.message };
  }
  return { ...issue, path };
}

function lowerCamel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
