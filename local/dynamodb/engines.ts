import { startDynalite } from './dynalite-service';
import { startDynamoDbLocal } from './dynamodb-local-service';
import type { DynamoDbOptions, DynamoDbService } from './service';

/**
 * Which program answers DynamoDB in the local stack. dynalite (the default) is JavaScript and needs nothing
 * installed; AWS's DynamoDB Local needs Java 17 and adds what dynalite lacks (TTL, transactions, streams).
 */
export const DYNAMODB_ENGINES = ['dynalite', 'dynamodb-local'] as const;
export type DynamoDbEngine = (typeof DYNAMODB_ENGINES)[number];
export const DEFAULT_DYNAMODB_ENGINE: DynamoDbEngine = 'dynalite';

export class UnknownDynamoDbEngineError extends Error {
  override readonly name = 'UnknownDynamoDbEngineError';
}

/** The engine named by a flag or variable (`source` names it in the error); the default when unset or empty. */
export function parseDynamoDbEngine(value: string | undefined, source: string): DynamoDbEngine {
  if (value === undefined || value === '') return DEFAULT_DYNAMODB_ENGINE;
  const engine = DYNAMODB_ENGINES.find((candidate) => candidate === value);
  if (engine === undefined) {
    throw new UnknownDynamoDbEngineError(
      `${source} must be one of ${DYNAMODB_ENGINES.join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return engine;
}

export function startDynamoDbEngine(
  engine: DynamoDbEngine,
  options: DynamoDbOptions = {},
): Promise<DynamoDbService> {
  return engine === 'dynamodb-local' ? startDynamoDbLocal(options) : startDynalite(options);
}
