import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { SlackWork } from './payloads';

/**
 * Hands Slack work to the worker function as an asynchronous invocation: Lambda queues it, answers at once
 * and retries a failed run twice, so the ingress can acknowledge Slack within its 3 seconds.
 */
export function invokeWorkerAsync(
  client: LambdaClient,
  workerFunctionName: string,
): (work: SlackWork) => Promise<void> {
  return async (work) => {
    await client.send(
      new InvokeCommand({
        FunctionName: workerFunctionName,
        InvocationType: 'Event',
        Payload: Buffer.from(JSON.stringify(work)),
      }),
    );
  };
}
