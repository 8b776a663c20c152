import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { startDynamoDbLocalProcess } from './dynamodb-local-process';
import { answerError, answerShuttingDown, type DynamoDbOptions, type DynamoDbService } from './service';

/** Headers that describe one hop (HTTP/1.1 connection handling, HTTP/2 pseudo-headers), never forwarded. */
const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/**
 * DynamoDB for the local stack from AWS's DynamoDB Local (a JVM on a loopback port of its own), its tables in
 * `<dataDir>/dynamodb-local`. The edge server keeps its one port: each request is relayed unchanged, signature
 * included. One database for every caller (-sharedDb), as dynalite has, so the AWS CLI with any credentials
 * sees the stack's tables.
 */
export async function startDynamoDbLocal(options: DynamoDbOptions = {}): Promise<DynamoDbService> {
  const jvm = await startDynamoDbLocalProcess({
    sharedDb: true,
    ...(options.dataDir ? { dbPath: path.join(options.dataDir, 'dynamodb-local') } : {}),
  });
  const agent = new http.Agent({ keepAlive: true });
  let closing: Promise<void> | undefined;
  return {
    handle(req, res) {
      if (closing) answerShuttingDown(res);
      else relay(req, res, jvm.port, agent);
    },
    close() {
      closing ??= jvm.stop().finally(() => agent.destroy());
      return closing;
    },
  };
}

function relay(req: IncomingMessage, res: ServerResponse, port: number, agent: http.Agent): void {
  const upstream = http.request(
    {
      host: '127.0.0.1',
      port,
      method: req.method,
      path: req.url,
      headers: { ...forwardable(req.headers), host: `127.0.0.1:${port}` },
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, forwardable(answer.headers));
      answer.pipe(res);
    },
  );
  upstream.once('error', (error) => {
    if (res.headersSent) res.destroy(error);
    // A 500 the SDK retries: the JVM may have been restarting, or it died (then every retry says so).
    else
      answerError(
        res,
        500,
        'com.amazonaws.dynamodb.v20120810#InternalServerError',
        `DynamoDB Local did not answer: ${error.message}`,
      );
  });
  req.pipe(upstream);
}

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !name.startsWith(':') && !HOP_HEADERS.has(name)),
  );
}
