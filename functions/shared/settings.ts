import * as z from 'zod/mini';
import { TABLE_CONTRACTS, type TableName } from '../tables';

/** Unset and empty mean the same: a deployment template often renders an unused parameter as "". */
export const optionalSetting = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.transform((value: unknown) => (value === '' ? undefined : value)),
    z.optional(schema),
  );

/** The environment variable naming one of the contract's tables: DynamoDB's naming rule, else its default. */
export const tableNameSetting = (table: TableName) =>
  z._default(
    z
      .string()
      .check(z.regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be a DynamoDB table name: 3-255 of A-Z a-z 0-9 _ . -')),
    TABLE_CONTRACTS[table].defaultName,
  );
