import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * One client per Lambda container, reused across invocations. Default configuration on purpose: region,
 * credentials and endpoint (AWS_ENDPOINT_URL_DYNAMODB for the local stack) come from the environment.
 */
export const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));
