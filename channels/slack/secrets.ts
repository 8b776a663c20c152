import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { issueList } from '../../functions/shared/zod-issues';

/**
 * The Slack app's secrets, one JSON secret in Secrets Manager: `{"botToken": "xoxb-...", "signingSecret":
 * "..."}`. Read once per container, on the first request; never logged.
 */
const SlackSecretsSchema = z.object({
  botToken: z.string().regex(/^xoxb-\S+$/, 'must be the bot token (xoxb-...)'),
  signingSecret: z.string().min(1, 'must be the signing secret'),
});
export type SlackSecrets = z.infer<typeof SlackSecretsSchema>;

export class InvalidSlackSecretError extends Error {
  override readonly name = 'InvalidSlackSecretError';
}

export async function readSlackSecrets(
  client: SecretsManagerClient,
  secretId: string,
): Promise<SlackSecrets> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  let value: unknown;
  try {
    value = JSON.parse(SecretString ?? '');
  } catch {
    throw new InvalidSlackSecretError(
      `Secret ${secretId} is not JSON: put {"botToken": ..., "signingSecret": ...}`,
    );
  }
  return parseSlackSecrets(value, `Secret ${secretId}`);
}

/** The secrets checked; the error names the fields that are wrong, never their values. */
export function parseSlackSecrets(value: unknown, source: string): SlackSecrets {
  const parsed = SlackSecretsSchema.safeParse(value);
  if (!parsed.success) {
    throw new InvalidSlackSecretError(`${source} is not usable: ${issueList(parsed.error.issues)}`);
  }
  return parsed.data;
}
