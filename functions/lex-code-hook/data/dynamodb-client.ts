import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let client: DynamoDBDocumentClient | undefined;

/**
 * One client per Lambda container, created on first use and reused across invocations. Default configuration
 * on purpose: region, credentials and endpoint (AWS_ENDPOINT_URL_DYNAMODB for the local stack) come from the
 * environment.
 */
export function documentClient(): DynamoDBDocumentClient {
  return (client ??= DynamoDBDocumentClient.from(new DynamoDBClient({})));
}
