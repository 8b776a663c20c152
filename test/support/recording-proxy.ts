import http from 'node:http';
import { writeResponse } from '../../local/edge/aws-response';
import { readBody } from '../../local/edge/body';
import { startEdge } from '../../local/edge/server';

export interface ProxiedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface CannedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

export interface RecordingProxy {
  url: string;
  /** Every request that came through, oldest first. */
  readonly requests: ProxiedRequest[];
  /** Answers a request itself instead of forwarding it (a fault), when it returns an answer. */
  intercept?: (request: ProxiedRequest) => CannedAnswer | undefined;
  close(): Promise<void>;
}

/**
 * A man in the middle for an AWS endpoint, on its own port (HTTP/1.1 and h2c, like the edge): records every
 * request and forwards it to `upstream`, unless `intercept` answers it. Point one SDK's endpoint variable at it
 * (AWS_ENDPOINT_URL_BEDROCK_RUNTIME, AWS_ENDPOINT_URL_DYNAMODB) to see or break what that client sends.
 */
export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const proxy: Omit<RecordingProxy, 'url' | 'close'> = { requests: [] };
  const edge = await startEdge({
    services: [
      {
        name: 'recording proxy',
        matches: () => true,
        async handle(req, res) {
          const request: ProxiedRequest = {
            method: req.method ?? 'GET',
            path: req.url ?? '/',
            headers: Object.fromEntries(
              Object.entries(req.headers)
                .filter(([name, value]) => !name.startsWith(':') && typeof value === 'string')
                .map(([name, value]) => [name, value as string]),
            ),
            body: await readBody(req, 64 * 1024 * 1024),
          };
          proxy.requests.push(request);
          const answer = proxy.intercept?.(request) ?? (await forward(upstream, request));
          writeResponse(res, answer.status, answer.headers, answer.body);
        },
      },
    ],
  });
  return Object.assign(proxy, { url: edge.url, close: () => edge.close() });
}

function forward(upstream: string, request: ProxiedRequest): Promise<CannedAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...request.headers, connection: 'close' };
    delete headers['transfer-encoding'];
    headers['content-length'] = String(request.body.length);
    const outgoing = http.request(
      `${upstream}${request.path}`,
      { method: request.method, headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 502,
            headers: Object.fromEntries(
              Object.entries(response.headers)
                .filter(
                  ([name]) => !/^(connection|transfer-encoding|content-length|keep-alive|date)$/.test(name),
                )
                .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]),
            ),
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
