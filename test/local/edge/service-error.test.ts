import { BodyTooLargeError } from '../../../local/edge/body';
import { AwsServiceError, toServiceError, type ServiceErrors } from '../../../local/edge/service-error';

class ExampleError extends AwsServiceError<'ValidationException' | 'InternalFailure'> {}

const EXAMPLE: ServiceErrors<ExampleError> = {
  logName: 'example',
  displayName: 'The local example',
  isOwn: (error) => error instanceof ExampleError,
  validation: (message) => new ExampleError('ValidationException', 400, message, {}),
  internal: (message) => new ExampleError('InternalFailure', 500, message, {}),
};

it('keeps the service’s own errors as they are, without logging', () => {
  const log = jest.fn();
  const own = new ExampleError('ValidationException', 400, 'bad voice', {});
  expect(toServiceError(own, 'req-1', log, EXAMPLE)).toBe(own);
  expect(log).not.toHaveBeenCalled();
});

it('answers an oversized body as the caller’s mistake', () => {
  const error = toServiceError(new BodyTooLargeError(10), 'req-2', jest.fn(), EXAMPLE);
  expect(error).toMatchObject({ errorName: 'ValidationException', status: 400, name: 'ValidationException' });
  expect(error.message).toBe('Request body is larger than the 10-byte limit');
});

it('logs anything else with its request id and answers the service’s internal error pointing at the log', () => {
  const log = jest.fn();
  const error = toServiceError(new TypeError('boom'), 'req-3', log, EXAMPLE);
  expect(error).toMatchObject({ errorName: 'InternalFailure', status: 500 });
  expect(error.message).toBe('The local example failed unexpectedly; see its log for request req-3');
  expect(log).toHaveBeenCalledWith(
    expect.stringMatching(/^example: internal error in request req-3: TypeError: boom/),
  );
});
