import { findLocale, loadBots } from '../../../bot-definitions/loader/load';
import { GENERAL_RULE, listeningRules } from '../../../local/asr/listening-rules';

const GRAMMAR = `#JSGF V1.0;

grammar parley;

public <utterance> =
    <intent_CheckOrderStatus>
  | <slot_answers>;

<builtin_Number> =
    one | two;

<intent_CheckOrderStatus> =
    where is my order;

<confirmation> =
    yes | no;
`;

describe('listening rules', () => {
  it('adds a general start rule without bare slot values, and one per elicited slot whose type the grammar has', async () => {
    const [bot] = await loadBots();
    const locale = findLocale(bot!, 'en_US')!;
    const { jsgf, slotRules } = listeningRules(GRAMMAR, locale);
    expect(jsgf).toContain(`public <${GENERAL_RULE}> =\n    <intent_CheckOrderStatus>\n  | <confirmation>;`);
    expect(jsgf).not.toMatch(/public <general> =[^;]*slot_answers/);
    expect(slotRules.get('CheckOrderStatus/OrderNumber')).toBe('expect_CheckOrderStatus_OrderNumber');
    expect(jsgf).toContain(
      'public <expect_CheckOrderStatus_OrderNumber> =\n    <builtin_Number>\n  | <general>;',
    );
    expect([...slotRules.keys()].every((key) => !key.endsWith('/PhoneNumber'))).toBe(true);
  });
});
