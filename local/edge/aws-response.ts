import { randomUUID } from 'node:crypto';
import type { EdgeResponse } from './service';

export type HeaderMap = Record<string, string>;

export function newRequestId(): string {
  return randomUUID();
}

/** True while the response can still carry a status line; afterwards the only safe move is to end it. */
export function canStartResponse(res: EdgeResponse): boolean {
  return !res.headersSent && !res.writableEnded;
}

export function writeResponse(
  res: EdgeResponse,
  status: number,
  headers: HeaderMap,
  body: Buffer | string = '',
): void {
  if (!canStartResponse(res)) {
    endQuietly(res);
    return;
  }
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...headers, 'content-length': String(payload.length) });
  res.end(payload);
}

export function writeJson(res: EdgeResponse, status: number, body: unknown, headers: HeaderMap = {}): void {
  writeResponse(res, status, { 'content-type': 'application/json', ...headers }, JSON.stringify(body));
}

/** The restJson1 error shape every AWS SDK understands: status, x-amzn-ErrorType, x-amzn-RequestId, {"message"}. */
export function writeAwsError(
  res: EdgeResponse,
  status: number,
  errorType: string,
  message: string,
  requestId: string = newRequestId(),
): void {
  writeJson(res, status, { message }, { 'x-amzn-ErrorType': errorType, 'x-amzn-RequestId': requestId });
}

function endQuietly(res: EdgeResponse): void {
  if (!res.writableEnded) res.end();
}
