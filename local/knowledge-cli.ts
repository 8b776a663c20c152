/** `npm run knowledge:*`: the knowledge tools, with no AWS setup needed against the local stack. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { runKnowledgeCli, type DynamoDbConnector } from '../functions/knowledge/cli';
import { requireAwsSetup, toolClientConfig } from './aws-tool-config';

const connect: DynamoDbConnector = async (endpoint) => {
  const client = new DynamoDBClient(toolClientConfig({ endpoint, service: 'DYNAMODB' }));
  try {
    await requireAwsSetup(client, '--endpoint http://127.0.0.1:4566', endpoint);
    return client;
  } catch (error) {
    client.destroy();
    throw error;
  }
};

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Piped into head or less and closed early: the reader has seen enough, which is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
runKnowledgeCli(
  process.argv.slice(2),
  { out: (line) => console.log(line), err: (line) => console.error(line) },
  connect,
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
