import {
  startDynamoDbLocalProcess,
  type DynamoDbLocalProcess,
} from '../../local/dynamodb/dynamodb-local-process';
import { SHARED_DYNAMODB_LOCAL_ENDPOINT } from '../local/dynamodb/harness';

declare global {
  var parleyDynamoDbLocal: DynamoDbLocalProcess | undefined;
}

/**
 * One DynamoDB Local for every test file of the run: a JVM takes a second or more to start, and each test
 * gets its own database on it by its access key id. Workers inherit the endpoint through the environment.
 */
export default async function startSharedDynamoDbLocal(): Promise<void> {
  const jvm = await startDynamoDbLocalProcess();
  globalThis.parleyDynamoDbLocal = jvm;
  process.env[SHARED_DYNAMODB_LOCAL_ENDPOINT] = jvm.endpoint;
}
