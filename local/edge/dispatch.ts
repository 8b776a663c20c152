import { newRequestId, writeAwsError, writeJson } from './aws-response';
import { RequestAbortedError } from './body';
import type { EdgeRequest, EdgeResponse, EdgeService } from './service';

export type RequestHandler = (req: EdgeRequest, res: EdgeResponse) => void;

/**
 * Routes each request to the first service that claims it. The edge answers /health itself, turns an
 * unclaimed request into UnknownOperationException and a crashed service into InternalServerException,
 * so one bad request never takes the port down. `services` is read on every request, so the caller may
 * add services once the edge is listening.
 */
export function createDispatcher(
  services: readonly EdgeService[],
  log: (line: string) => void,
): RequestHandler {
  return (req, res) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    res.on('error', (error: Error) => log(`edge: response error on ${method} ${path}: ${error.message}`));
    if (method === 'GET' && path === '/health') {
      writeJson(res, 200, { status: 'ok', services: services.map((service) => service.name) });
      return;
    }
    void serve(services, req, res).then(
      (served) => {
        if (!served) {
          writeAwsError(res, 404, 'UnknownOperationException', `No local service handles ${method} ${path}`);
        }
      },
      (error: unknown) => {
        if (error instanceof RequestAbortedError) {
          if (!res.writableEnded) res.end();
          return;
        }
        const requestId = newRequestId();
        log(`edge: ${method} ${path} failed (request ${requestId}): ${describe(error)}`);
        writeAwsError(
          res,
          500,
          'InternalServerException',
          `The local service failed: ${messageOf(error)}`,
          requestId,
        );
      },
    );
  };
}

async function serve(
  services: readonly EdgeService[],
  req: EdgeRequest,
  res: EdgeResponse,
): Promise<boolean> {
  const service = services.find((candidate) => candidate.matches(req));
  if (!service) return false;
  await service.handle(req, res);
  return true;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
