import { Logger } from '@aws-lambda-powertools/logger';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { loadIngressConfig } from '../config';
import { invokeWorkerAsync } from '../worker-queue';
import { receiveSlackRequest, type IngressDependencies } from '../ingress';
import { readSlackSecrets } from '../secrets';

const logger = new Logger({ serviceName: 'parley-slack-ingress' });

let dependencies: Promise<IngressDependencies> | undefined;

/** Read and built on the first request, once per container; a failure is retried on the next request. */
async function wire(): Promise<IngressDependencies> {
  const config = loadIngressConfig(process.env);
  const secrets = await readSlackSecrets(new SecretsManagerClient({}), config.SLACK_SECRET_ARN);
  return {
    signingSecret: secrets.signingSecret,
    nowSeconds: () => Math.floor(Date.now() / 1000),
    handOff: invokeWorkerAsync(new LambdaClient({}), config.SLACK_WORKER_FUNCTION_NAME),
    log: (message, details) => logger.warn(message, details ?? {}),
  };
}

/** The Slack app's request URL (a Lambda function URL): Events API and interactivity. */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  dependencies ??= wire().catch((error: unknown) => {
    dependencies = undefined;
    throw error;
  });
  const body = event.body ?? '';
  const rawBody = event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
  return receiveSlackRequest({ headers: event.headers, rawBody }, await dependencies);
}
