import path from 'node:path';
import { formatReport, runConversation } from '../../../local/eval/conversations';
import { readConversationSet } from '../../../local/eval/eval-sets';
import { useLocalStack } from '../../support/local-stack';

const SAMPLE = path.resolve(__dirname, '../../fixtures/eval-sample');

describe('the conversation evaluation runner, on the local stack', () => {
  const fixture = useLocalStack();

  it('passes a conversation that meets its expectations and names the first turn of one that does not', async () => {
    const [order, impossible] = await readConversationSet('en_US', SAMPLE);
    const target = { botId: 'RetailSupportBot', aliases: { public: 'TSTALIASID', staff: 'STAFFALIAS' } };
    const results = [
      await runConversation(fixture.client, target, 'en_US', order!, 'test'),
      await runConversation(fixture.client, target, 'en_US', impossible!, 'test'),
    ];
    expect(results[0]).toMatchObject({ id: 'sample-order', passed: true });
    expect(results[1]).toMatchObject({
      id: 'sample-impossible',
      passed: false,
      failure: { turn: 1, problems: ['does not mention "penguins"'] },
    });
    expect(formatReport(results)).toMatch(/order-status\s+1\/1 \(100%\)\s+-/);
    expect(formatReport(results)).toMatch(/ALL\s+1\/1 \(100%\)\s+0\/1 \(0%\)/);
  });
});
