import { ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { InvalidSlackSecretError, readSlackSecrets } from '../../../channels/slack/secrets';
import { localClientConfig } from '../../support/local-stack';
import { startEdge, type Edge } from '../../../local/edge/server';
import { createLocalSecretsManager, type LocalSecretsManager } from '../../../local/secrets-manager/service';

let edge: Edge;
let secrets: LocalSecretsManager;
let client: SecretsManagerClient;

beforeAll(async () => {
  secrets = createLocalSecretsManager();
  edge = await startEdge({ services: [secrets] });
  client = new SecretsManagerClient(localClientConfig(edge.url));
});

afterAll(async () => {
  client.destroy();
  await edge.close();
});

describe('the Slack secret, read through @aws-sdk/client-secrets-manager', () => {
  it('gives the bot token and signing secret, by name or by ARN', async () => {
    const arn = secrets.put('parley/slack', JSON.stringify({ botToken: 'xoxb-1', signingSecret: 'shh' }));
    expect(await readSlackSecrets(client, arn)).toEqual({ botToken: 'xoxb-1', signingSecret: 'shh' });
    expect(await readSlackSecrets(client, 'parley/slack')).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 'shh',
    });
  });

  it('names what is wrong with a secret, never its values', async () => {
    secrets.put('not-json', 'xoxb-leaked');
    await expect(readSlackSecrets(client, 'not-json')).rejects.toThrow(/is not JSON/);
    secrets.put('wrong', JSON.stringify({ botToken: 'xapp-not-a-bot-token', signingSecret: '' }));
    const refused = readSlackSecrets(client, 'wrong');
    await expect(refused).rejects.toBeInstanceOf(InvalidSlackSecretError);
    await expect(refused).rejects.toThrow(/botToken: .*signingSecret: /);
    await expect(refused).rejects.not.toThrow(/xapp-not-a-bot-token/);
  });

  it('answers ResourceNotFoundException for a secret nobody put', async () => {
    await expect(readSlackSecrets(client, 'parley/nothing')).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });
});
