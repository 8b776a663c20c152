import type * as z from 'zod/mini';

export interface IssueListOptions {
  /** What to call the value itself when an issue is about all of it rather than one field. */
  whole?: string;
  /** List no more than this many: past a few the reader has enough to fix the input. */
  most?: number;
}

/** Each of zod's issues as a line a person can act on: the field's path, then what is wrong with it. */
export function issueLines(
  issues: readonly z.core.$ZodIssue[],
  { whole = '', most = issues.length }: IssueListOptions = {},
): string[] {
  return issues.slice(0, most).map((issue) => `${issue.path.join('.') || whole}: ${issue.message}`);
}

/** The issues on one line, as an error message carries them. */
export function issueList(issues: readonly z.core.$ZodIssue[], options: IssueListOptions = {}): string {
  return issueLines(issues, options).join('; ');
}
