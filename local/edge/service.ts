import type * as http from 'node:http';
import type * as http2 from 'node:http2';

export type EdgeRequest = http.IncomingMessage | http2.Http2ServerRequest;
export type EdgeResponse = http.ServerResponse | http2.Http2ServerResponse;

/** One local stand-in for an AWS service, mounted on the shared edge port. */
export interface EdgeService {
  readonly name: string;
  matches(req: EdgeRequest): boolean;
  handle(req: EdgeRequest, res: EdgeResponse): void | Promise<void>;
}
