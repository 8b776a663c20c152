/**
 * The yardstick for the code hook's cold start: a Lambda that only creates the SDK clients the hook uses
 * (DynamoDB with its document client, Bedrock Runtime) and answers. Bundled and loaded exactly like the hook.
 */
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const bedrock = new BedrockRuntimeClient({});

export async function handler(): Promise<{ clients: number }> {
  return { clients: [documents, bedrock].length };
}
