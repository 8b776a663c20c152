import { writeAwsError, writeJson } from '../edge/aws-response';
import { readJsonBody } from '../edge/json-body';
import type { EdgeRequest, EdgeResponse } from '../edge/service';
import type { FaultInjector } from './faults';
import { validationError } from './errors';

/** Fault specs are a few fields; anything bigger is not one. */
const MAX_FAULT_BODY_BYTES = 16 * 1024;

/**
 * The fault switch over HTTP, for tools and tests outside the process: POST arms a fault
 * (`{mode, count?, delayMs?, status?, variant?}`), GET shows the armed one, DELETE clears it. Every answer
 * is `{"fault": state | null}`; a bad spec throws ValidationException for the caller to write.
 */
export async function handleFaultAdmin(
  faults: FaultInjector,
  req: EdgeRequest,
  res: EdgeResponse,
  requestId: string,
): Promise<void> {
  const headers = { 'x-amzn-RequestId': requestId };
  switch (req.method) {
    case 'GET':
      writeJson(res, 200, { fault: faults.state() ?? null }, headers);
      return;
    case 'DELETE':
      faults.clear();
      writeJson(res, 200, { fault: null }, headers);
      return;
    case 'POST': {
      const state = faults.set(
        await readJsonBody(req, 'The fault switch', MAX_FAULT_BODY_BYTES, validationError),
      );
      writeJson(res, 200, { fault: state }, headers);
      return;
    }
    default:
      writeAwsError(
        res,
        405,
        'MethodNotAllowedException',
        `The fault switch takes GET, POST or DELETE, not ${req.method ?? 'no method'}`,
        requestId,
      );
  }
}
