import type { z } from 'zod';

/**
 * The wording AWS restJson1 services use for constraint violations ("1 validation error detected: Value at
 * 'text' failed to satisfy constraint: Member must ..."), shared by every local service adapter.
 */

type Issue = z.core.$ZodIssue;

/** AWS lists at most this many violations; beyond it the caller has enough to fix the request. */
const MAX_LISTED_ISSUES = 10;

/**
 * Parses an untrusted value, or throws the error `reject` builds from the AWS wording of every zod issue.
 * `fieldPrefix` names where the value came from, e.g. 'sessionState' for a decoded header.
 */
export function parseWithAwsMessage<T>(
  schema: z.ZodType<T>,
  value: unknown,
  reject: (message: string) => Error,
  fieldPrefix?: string,
): T {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw reject(describeIssues(result.error.issues, fieldPrefix));
}

export function describeIssues(issues: readonly Issue[], fieldPrefix?: string): string {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
    const field = fieldPath(fieldPrefix, issue.path);
    if (field === '')
      return `Request body failed to satisfy constraint: ${constraintOf(issue, 'Request body')}`;
    return `Value at '${field}' failed to satisfy constraint: ${constraintOf(issue, 'Member')}`;
  });
  const count = issues.length;
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${listed.join('; ')}`;
}

function fieldPath(prefix: string | undefined, path: readonly PropertyKey[]): string {
  let text = prefix ?? '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

function constraintOf(issue: Issue, subject: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? `${subject} must not be null`
        : `${subject} must be ${withArticle(issue.expected)}`;
    case 'too_small':
      return `${subject} must have ${measureOf(issue.origin)} greater than or equal to ${issue.minimum}`;
    case 'too_big':
      return `${subject} must have ${measureOf(issue.origin)} less than or equal to ${issue.maximum}`;
    case 'invalid_format':
      return issue.pattern
        ? `${subject} must satisfy regular expression pattern: ${patternSource(issue.pattern)}`
        : `${subject} must be a valid ${issue.format}`;
    case 'invalid_value':
      return `${subject} must satisfy enum value set: [${issue.values.map(String).join(', ')}]`;
    case 'invalid_key':
      return `${subject} keys must be strings`;
    default:
      return `${subject} ${issue.message}`;
  }
}

/** zod reports a regex as '/source/flags'; AWS messages show the bare pattern. */
function patternSource(pattern: string): string {
  const literal = /^\/(.*)\/[a-z]*$/s.exec(pattern);
  return literal?.[1] ?? pattern;
}

function measureOf(origin: string): string {
  return origin === 'number' || origin === 'int' || origin === 'bigint' ? 'value' : 'length';
}

function withArticle(expected: string): string {
  if (expected === 'int') return 'an integer';
  if (expected === 'record') return 'an object';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
