import type { IncomingMessage, ServerResponse } from 'node:http';

/** DynamoDB as the edge server serves it, whichever engine answers. */
export interface DynamoDbService {
  /** Serves one DynamoDB JSON API request (HTTP/1.1 objects), as routed by the edge server. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Finishes pending writes and releases the store, so the same data directory can be opened again. */
  close(): Promise<void>;
}

export interface DynamoDbOptions {
  /** Keeps tables under this folder across restarts (each engine in its own subfolder); in memory when absent. */
  dataDir?: string;
}

/** Requests racing a shutdown get DynamoDB's own "try again" answer, which the SDK knows to retry. */
export function answerShuttingDown(res: ServerResponse): void {
  answerError(
    res,
    503,
    'com.amazon.coral.availability#ServiceUnavailableException',
    'The local DynamoDB service is shutting down',
  );
}

/** An error in DynamoDB's JSON protocol shape, which the SDK turns into the named exception. */
export function answerError(res: ServerResponse, status: number, type: string, message: string): void {
  const body = JSON.stringify({ __type: type, message });
  res.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.0',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
