import fc from 'fast-check';
import * as z from 'zod/mini';
import { issueLines, issueList } from '../../../functions/shared/zod-issues';

const Schema = z.object({
  name: z.string().check(z.minLength(1, 'must not be empty')),
  address: z.object({ street: z.string(), zip: z.string().check(z.regex(/^\d{5}$/, 'must be 5 digits')) }),
});

function issuesOf(value: unknown): z.core.$ZodIssue[] {
  const parsed = z.safeParse(Schema, value);
  return parsed.success ? [] : parsed.error.issues;
}

it('names each problem by its dotted field path, and the value itself by what the caller calls it', () => {
  expect(issueList(issuesOf({ name: '', address: { street: 'Main', zip: 'x' } }))).toBe(
    'name: must not be empty; address.zip: must be 5 digits',
  );
  expect(issueLines(issuesOf('not an object'), { whole: '(item)' })).toEqual(['(item): Invalid input']);
});

it('lists at most `most` problems, one line each, in zod order', () => {
  fc.assert(
    fc.property(fc.anything(), fc.integer({ min: 0, max: 5 }), (value, most) => {
      const issues = issuesOf(value);
      const lines = issueLines(issues, { whole: '(value)', most });
      expect(lines).toHaveLength(Math.min(most, issues.length));
      lines.forEach((line, index) => {
        const issue = issues[index]!;
        expect(line).toBe(`${issue.path.join('.') || '(value)'}: ${issue.message}`);
      });
      expect(issueList(issues, { most })).toBe(issueLines(issues, { most }).join('; '));
    }),
  );
});
