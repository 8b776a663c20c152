import { validationError } from './errors';

export type ConverseOperation = 'Converse' | 'ConverseStream';

export type BedrockRoute =
  | { kind: 'converse'; operation: ConverseOperation; modelId: string }
  | { kind: 'faults' }
  | { kind: 'unsupported'; message: string }
  | { kind: 'unknown' };

export const MODEL_PATH_PREFIX = '/model/';
export const FAULTS_PATH = '/_parley/bedrock/faults';

const MODEL_PATH = /^\/model\/([^/]+)\/([^/]+)$/;

const OPERATIONS: ReadonlyMap<string, ConverseOperation> = new Map([
  ['converse', 'Converse'],
  ['converse-stream', 'ConverseStream'],
]);

/** Other Bedrock Runtime operations under /model/, refused by name so the caller knows what to use. */
const NOT_EMULATED: ReadonlyMap<string, string> = new Map([
  ['invoke', 'InvokeModel'],
  ['invoke-with-response-stream', 'InvokeModelWithResponseStream'],
  ['invoke-with-bidirectional-stream', 'InvokeModelWithBidirectionalStream'],
  ['count-tokens', 'CountTokens'],
]);

export function isBedrockPath(url: string): boolean {
  const path = pathOf(url);
  return path.startsWith(MODEL_PATH_PREFIX) || path === FAULTS_PATH;
}

/**
 * Maps method + path to an operation. The model id is split on the raw '/' before decoding: the SDK
 * percent-encodes it, so an ARN's '/' arrives as %2F and `amazon.nova-micro-v1:0` as `...v1%3A0`.
 */
export function routeBedrockRequest(method: string, url: string): BedrockRoute {
  const path = pathOf(url);
  if (path === FAULTS_PATH) return { kind: 'faults' };
  const match = MODEL_PATH.exec(path);
  if (!match) return { kind: 'unknown' };
  const [, rawModelId = '', action = ''] = match;
  const operation = OPERATIONS.get(action);
  if (method === 'POST' && operation) {
    return { kind: 'converse', operation, modelId: decodeModelId(rawModelId) };
  }
  const other = NOT_EMULATED.get(action);
  if (method === 'POST' && other) {
    return {
      kind: 'unsupported',
      message: `${other} is not emulated locally; the local Bedrock runtime serves Converse and ConverseStream`,
    };
  }
  return { kind: 'unknown' };
}

function pathOf(url: string): string {
  return url.split('?')[0] ?? '';
}

function decodeModelId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw validationError('Path label modelId is not valid percent-encoding');
  }
}
