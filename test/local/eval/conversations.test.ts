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

  it('reports each turn as it goes, up to the first that fails (--only prints them)', async () => {
    const [order, impossible] = await readConversationSet('en_US', SAMPLE);
    const target = { botId: 'RetailSupportBot', aliases: { public: 'TSTALIASID', staff: 'STAFFALIAS' } };
    const turns: { say: string; intent: string | undefined; problems: readonly string[] }[] = [];
    for (const conversation of [order!, impossible!])
      await runConversation(fixture.client, target, 'en_US', conversation, 'turns', (say, seen, problems) =>
        turns.push({ say, intent: seen.intent, problems }),
      );
    expect(turns.length).toBe(order!.turns.length + 1);
    expect(turns[0]).toMatchObject({ say: order!.turns[0]?.say, intent: 'CheckOrderStatus', problems: [] });
    expect(turns.at(-1)).toMatchObject({
      say: impossible!.turns[0]?.say,
      problems: ['does not mention "penguins"'],
    });
  });
});
