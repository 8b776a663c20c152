import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EdgeService } from '../edge/service';

/** DynamoDB's JSON protocol names the operation in X-Amz-Target; every request is a POST to `/`. */
const TARGET_PREFIX = 'DynamoDB_20120810.';

export function dynamoDbEdgeService(dynamo: {
  handle(req: IncomingMessage, res: ServerResponse): void;
}): EdgeService {
  return {
    name: 'dynamodb',
    matches: (req) => String(req.headers['x-amz-target'] ?? '').startsWith(TARGET_PREFIX),
    // dynalite speaks HTTP/1.1 objects; the DynamoDB client, boto3 and the AWS CLI all use HTTP/1.1 for it.
    handle: (req, res) => dynamo.handle(req as IncomingMessage, res as ServerResponse),
  };
}
