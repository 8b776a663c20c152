import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';

/**
 * One attempt and one retry. A Converse call takes roughly 0.5-2 s and the standard retry strategy waits a
 * random time up to 200 ms before the retry (up to 1 s after a throttle), so one retry of a fast failure
 * (429, 500, 503) still fits the voice budget of 3.5 s; a third attempt would not, and the chat budget of
 * 10 s is better spent on one slow answer than on three. Whatever does not fit is cut by the deadline's abort
 * signal, which also interrupts the wait before a retry.
 */
export const BEDROCK_MAX_ATTEMPTS = 2;

/**
 * Default configuration otherwise: region, credentials and endpoint come from the environment
 * (AWS_ENDPOINT_URL_BEDROCK_RUNTIME or AWS_ENDPOINT_URL for the local stack).
 */
export function createBedrockClient(): BedrockRuntimeClient {
  return new BedrockRuntimeClient({ maxAttempts: BEDROCK_MAX_ATTEMPTS });
}

let client: BedrockRuntimeClient | undefined;

/**
 * The container's one client, like documentClient(): created on first use and reused, so whoever needs the
 * client the hook talks through (a benchmark timing its calls) gets that very client.
 */
export function bedrockClient(): BedrockRuntimeClient {
  return (client ??= createBedrockClient());
}
