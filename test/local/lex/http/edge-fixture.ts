import * as http from 'node:http';
import { startEdge, type Edge } from '../../../../local/edge/server';
import { createLexHttpService, type LexSpeech } from '../../../../local/lex/http';
import { RecordingRuntime } from './recording-runtime';

export interface LexEdgeFixture {
  edge: Edge;
  runtime: RecordingRuntime;
  logLines: string[];
}

export async function startLexEdge(speech?: LexSpeech): Promise<LexEdgeFixture> {
  const runtime = new RecordingRuntime();
  const logLines: string[] = [];
  const log = (line: string): void => {
    logLines.push(line);
  };
  const edge = await startEdge({
    services: [createLexHttpService(runtime, { log, ...(speech ? { speech } : {}) })],
    log,
  });
  return { edge, runtime, logLines };
}

export interface PlainResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  httpVersion: string;
}

/** An HTTP/1.1 request the way curl, boto3 or the AWS CLI would send it; no keep-alive, so nothing lingers. */
export function http1Request(
  port: number,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    // An explicit length, as curl sends it: Node would otherwise send a GET body unframed.
    const body = options.body ?? '';
    const headers = { ...options.headers, 'content-length': String(Buffer.byteLength(body)) };
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          httpVersion: res.httpVersion,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}
