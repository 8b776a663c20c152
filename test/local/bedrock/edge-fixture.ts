import { BedrockRuntimeClient, type BedrockRuntimeClientConfig } from '@aws-sdk/client-bedrock-runtime';
import { startEdge, type Edge } from '../../../local/edge/server';
import {
  createBedrockHttpService,
  createLocalComposerEngine,
  FaultInjector,
  type ConverseEngine,
} from '../../../local/bedrock';

export interface BedrockEdgeFixture {
  edge: Edge;
  faults: FaultInjector;
  logLines: string[];
  /** A real SDK client on the edge (h2c), with dummy credentials and no retries unless asked for. */
  client(config?: Partial<BedrockRuntimeClientConfig>): BedrockRuntimeClient;
  close(): Promise<void>;
}

export async function startBedrockEdge(
  engine: ConverseEngine = createLocalComposerEngine(),
): Promise<BedrockEdgeFixture> {
  const faults = new FaultInjector();
  const logLines: string[] = [];
  const log = (line: string): void => {
    logLines.push(line);
  };
  const edge = await startEdge({ services: [createBedrockHttpService({ engine, faults, log })], log });
  const clients: BedrockRuntimeClient[] = [];
  return {
    edge,
    faults,
    logLines,
    client: (config = {}) => {
      const client = new BedrockRuntimeClient({
        endpoint: edge.url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        maxAttempts: 1,
        ...config,
      });
      clients.push(client);
      return client;
    },
    close: async () => {
      for (const client of clients) client.destroy();
      await edge.close();
    },
  };
}

export interface SdkFailure {
  name: string;
  status?: number;
  message: string;
  attempts?: number;
}

export async function sdkFailure(promise: Promise<unknown>): Promise<SdkFailure> {
  try {
    await promise;
  } catch (error) {
    const e = error as {
      name: string;
      message: string;
      $metadata?: { httpStatusCode?: number; attempts?: number };
    };
    return {
      name: e.name,
      status: e.$metadata?.httpStatusCode,
      message: e.message,
      attempts: e.$metadata?.attempts,
    };
  }
  throw new Error('expected the call to fail');
}

export async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
