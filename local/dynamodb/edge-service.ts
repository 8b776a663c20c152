import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EdgeService } from '../edge/service';
import { DYNAMODB_TARGET_PREFIX, gateDynamoDbRequests } from './request-gate';

export function dynamoDbEdgeService(dynamo: {
  handle(req: IncomingMessage, res: ServerResponse): void;
}): EdgeService {
  return {
    name: 'dynamodb',
    matches: (req) => String(req.headers['x-amz-target'] ?? '').startsWith(DYNAMODB_TARGET_PREFIX),
    // dynalite reads HTTP/1.1 objects; the gate hands it one, whichever protocol the request came in on.
    handle: gateDynamoDbRequests((req, res) => dynamo.handle(req, res)),
  };
}
