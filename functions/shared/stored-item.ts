import * as z from 'zod/mini';
import { issueList } from './zod-issues';

/** A stored item that does not match its schema: bad data, reported with the table and key to fix. */
export class InvalidItemError extends Error {
  override readonly name = 'InvalidItemError';

  constructor(tableName: string, key: string, error: z.core.$ZodError) {
    super(`Invalid item ${key} in table ${tableName}: ${issueList(error.issues, { whole: '(item)' })}`);
  }
}

export function parseItem<T>(schema: z.core.$ZodType<T>, item: unknown, tableName: string, key: string): T {
  const parsed = z.safeParse(schema, item);
  if (!parsed.success) throw new InvalidItemError(tableName, key, parsed.error);
  return parsed.data;
}
