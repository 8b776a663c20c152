/** The optional phone line: present only with a Connect instance, wired to the public alias alone. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { validateContactFlow } from '../../channels/voice/validate-contact-flow';
import { loadBots, type LoadedBot } from '../../bot-definitions/loader/load';
import { buildApp } from '../../infra/synthesize';

const INSTANCE = 'arn:aws:connect:us-east-1:123456789012:instance/0f2c1d7e-1111-2222-3333-444455556666';
const QUEUE = `${INSTANCE}/queue/11111111-2222-3333-4444-555555555555`;

let outdir: string;
let template: Template;

beforeAll(async () => {
  outdir = mkdtempSync(path.join(os.tmpdir(), 'parley-cdk-phone-'));
  const app = new App({
    outdir,
    context: { connectInstanceArn: INSTANCE, connectQueueArn: QUEUE, slack: 'false' },
  });
  const { stack } = await buildApp(app);
  app.synth();
  template = Template.fromStack(stack);
}, 120_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the phone line on a Connect instance', () => {
  it('associates the public alias with the instance, and lets only that instance call it', () => {
    template.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      InstanceId: INSTANCE,
      IntegrationType: 'LEX_BOT',
      IntegrationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BotPublicAlias'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::Lex::ResourcePolicy', {
      ResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BotPublicAlias'), 'Arn'] },
      Policy: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'connect.amazonaws.com' },
            Condition: Match.objectLike({ ArnEquals: { 'AWS:SourceArn': INSTANCE } }),
          }),
        ],
      },
    });
  });

  it('deploys one validated contact flow per locale, pointing at the public alias and the queue', async () => {
    const [bot] = (await loadBots()) as [LoadedBot];
    const flows = Object.values(template.findResources('AWS::Connect::ContactFlow')).map((r) => r.Properties);
    expect(flows.map((flow) => flow.Name).sort()).toEqual(['Parley en_US', 'Parley es_US']);
    for (const flow of flows) {
      const localeId = String(flow.Name).replace('Parley ', '');
      // The content joins the JSON around the alias ARN token: put a real-looking ARN in to read it back.
      const parts = flow.Content['Fn::Join'][1] as unknown[];
      expect(JSON.stringify(parts)).toMatch(/BotPublicAlias/);
      const aliasArn = 'arn:aws:lex:us-east-1:123456789012:bot-alias/BOTID12345/ALIASID123';
      const json = parts.map((part) => (typeof part === 'string' ? part : aliasArn)).join('');
      const content = JSON.parse(json) as unknown;
      expect(JSON.stringify(content)).toContain(QUEUE);
      expect(validateContactFlow(content, { bot, localeId: localeId as 'en_US' | 'es_US' })).toEqual([]);
    }
  });

  it('leaves Slack out when told to', () => {
    expect(Object.keys(template.findResources('AWS::Lambda::Url'))).toEqual([]);
  });
});
