import { createHash, randomUUID } from 'node:crypto';
import { writeJson } from '../edge/aws-response';
import { BodyTooLargeError, readBody } from '../edge/body';
import type { EdgeService } from '../edge/service';

/** Secrets Manager's JSON protocol names the operation in X-Amz-Target. */
const TARGET_PREFIX = 'secretsmanager.';
const MAX_BODY_BYTES = 64 * 1024;
const JSON_1_1 = 'application/x-amz-json-1.1';

interface StoredSecret {
  arn: string;
  name: string;
  value: string;
  versionId: string;
  createdDate: number;
}

export interface LocalSecretsManager extends EdgeService {
  /** Stores (or replaces) a secret the way a deployment would have created it; returns its ARN. */
  put(name: string, value: string): string;
}

/**
 * Secrets Manager's GetSecretValue for the local stack, so functions that read their secrets at start (the
 * Slack ingress and worker) run the same code offline. Secrets are put by the stack itself from the
 * developer's environment; nothing is written to disk.
 */
export function createLocalSecretsManager(): LocalSecretsManager {
  const byName = new Map<string, StoredSecret>();
  const find = (id: string) => byName.get(id) ?? [...byName.values()].find((secret) => secret.arn === id);
  const error = (res: Parameters<EdgeService['handle']>[1], type: string, message: string) =>
    writeJson(res, 400, { __type: type, message }, { 'content-type': JSON_1_1 });

  return {
    name: 'secretsmanager',
    matches: (req) => String(req.headers['x-amz-target'] ?? '').startsWith(TARGET_PREFIX),
    async handle(req, res) {
      const operation = String(req.headers['x-amz-target']).slice(TARGET_PREFIX.length);
      if (operation !== 'GetSecretValue') {
        error(
          res,
          'UnknownOperationException',
          `The local Secrets Manager serves GetSecretValue only, not ${operation}`,
        );
        return;
      }
      let input: { SecretId?: unknown };
      try {
        input = JSON.parse((await readBody(req, MAX_BODY_BYTES)).toString('utf8') || '{}') as {
          SecretId?: unknown;
        };
      } catch (problem) {
        const message =
          problem instanceof BodyTooLargeError ? problem.message : 'Request body is not valid JSON';
        error(res, 'InvalidRequestException', message);
        return;
      }
      if (typeof input.SecretId !== 'string' || input.SecretId === '') {
        error(res, 'InvalidParameterException', 'SecretId is required');
        return;
      }
      const secret = find(input.SecretId);
      if (!secret) {
        error(res, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
        return;
      }
      writeJson(
        res,
        200,
        {
          ARN: secret.arn,
          Name: secret.name,
          VersionId: secret.versionId,
          SecretString: secret.value,
          VersionStages: ['AWSCURRENT'],
          CreatedDate: secret.createdDate,
        },
        { 'content-type': JSON_1_1 },
      );
    },
    put(name, value) {
      const suffix = createHash('sha256').update(name).digest('hex').slice(0, 6);
      const arn = `arn:aws:secretsmanager:us-east-1:000000000000:secret:${name}-${suffix}`;
      byName.set(name, { arn, name, value, versionId: randomUUID(), createdDate: Date.now() / 1000 });
      return arn;
    },
  };
}
