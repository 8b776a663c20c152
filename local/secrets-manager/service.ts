import { createHash, randomUUID } from 'node:crypto';
import { JsonProtocolError, jsonProtocolService } from '../edge/json-protocol';
import type { EdgeService } from '../edge/service';

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
  const service = jsonProtocolService({
    name: 'secretsmanager',
    targetPrefix: 'secretsmanager.',
    contentType: 'application/x-amz-json-1.1',
    operations: {
      GetSecretValue: ({ SecretId }) => {
        if (typeof SecretId !== 'string' || SecretId === '') {
          throw new JsonProtocolError('InvalidParameterException', 'SecretId is required');
        }
        const secret = find(SecretId);
        if (!secret) {
          throw new JsonProtocolError(
            'ResourceNotFoundException',
            "Secrets Manager can't find the specified secret.",
          );
        }
        return {
          ARN: secret.arn,
          Name: secret.name,
          VersionId: secret.versionId,
          SecretString: secret.value,
          VersionStages: ['AWSCURRENT'],
          CreatedDate: secret.createdDate,
        };
      },
    },
  });
  return {
    ...service,
    put(name, value) {
      const suffix = createHash('sha256').update(name).digest('hex').slice(0, 6);
      const arn = `arn:aws:secretsmanager:us-east-1:000000000000:secret:${name}-${suffix}`;
      byName.set(name, { arn, name, value, versionId: randomUUID(), createdDate: Date.now() / 1000 });
      return arn;
    },
  };
}
