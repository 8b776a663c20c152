import type { LoadedBot } from '../../../bot-definitions/loader/load';
import { buildContactFlow, FLOW_ACTION_IDS } from '../../../channels/voice/contact-flow';
import { EXAMPLE_FLOWS } from '../../../channels/voice/example-parameters';
import type { ContactFlow, FlowAction } from '../../../channels/voice/flow-language';
import {
  formatContactFlowProblem,
  validateContactFlow,
  type ContactFlowProblem,
} from '../../../channels/voice/validate-contact-flow';
import { loadRetailBot } from './bot';
import { setAtPath } from './set-at-path';

const ids = FLOW_ACTION_IDS;

let bot: LoadedBot;
beforeAll(async () => {
  bot = await loadRetailBot();
});

/** A fresh copy of the English example flow, as plain JSON to mutate. */
function exampleFlow(): ContactFlow {
  return structuredClone(buildContactFlow(EXAMPLE_FLOWS.en_US.options));
}

function validate(flow: unknown, localeId = 'en_US'): ContactFlowProblem[] {
  return validateContactFlow(flow, { bot, localeId });
}

/** The flow with `field` of action `id` set to `value`. */
function edit(flow: ContactFlow, id: string, field: string, value: unknown): ContactFlow {
  const action = flow.Actions.find((candidate) => candidate.Identifier === id);
  if (action === undefined) throw new Error(`no action ${id}`);
  setAtPath(action, field, value);
  return flow;
}

describe('validateContactFlow: the flow language subset', () => {
  it.each([
    ['not an object', 'hello', { action: '(flow)', field: '(root)' }],
    ['another version', { ...exampleFlow(), Version: '2020-01-01' }, { action: '(flow)', field: 'Version' }],
    ['no actions', { ...exampleFlow(), Actions: [] }, { action: '(flow)', field: 'Actions' }],
    ['an unknown top-level field', { ...exampleFlow(), Extra: 1 }, { action: '(flow)', field: '(root)' }],
  ])('reports a flow that is %s', (_, flow, where) => {
    expect(validate(flow)).toEqual([expect.objectContaining(where)]);
  });

  it('names an action type outside the subset, with the closest one', () => {
    const flow = edit(exampleFlow(), ids.apologiseTechnicalError, 'Type', 'MessageParticipnt');
    expect(validate(flow)).toEqual([
      {
        action: ids.apologiseTechnicalError,
        field: 'Type',
        message: expect.stringContaining('did you mean "MessageParticipant"?'),
      },
    ]);
  });

  it('labels an action without an identifier by its index', () => {
    const flow = exampleFlow();
    delete (flow.Actions[3] as Partial<FlowAction>).Identifier;
    expect(validate(flow)).toContainEqual(
      expect.objectContaining({ action: 'Actions[3]', field: 'Identifier' }),
    );
  });

  it('requires a branch for every error an action declares', () => {
    const flow = exampleFlow();
    const greet = flow.Actions.find((action) => action.Identifier === ids.greetAndListen);
    if (greet?.Type !== 'ConnectParticipantWithLexBot') throw new Error('no Lex block to edit');
    greet.Transitions.Errors = greet.Transitions.Errors.filter(
      (error) => error.ErrorType !== 'InputTimeLimitExceeded',
    );
    expect(validate(flow)).toEqual([
      {
        action: ids.greetAndListen,
        field: 'Transitions.Errors',
        message: 'no branch for error InputTimeLimitExceeded',
      },
    ]);
  });

  it.each([
    ['an unknown parameter', ids.setAgentQueue, 'Parameters.AgentId', 'agent-1', 'Parameters'],
    [
      'both Text and SSML on a message',
      ids.apologiseTechnicalError,
      'Parameters.Text',
      'Goodbye.',
      'Parameters',
    ],
    [
      'an operator Lex blocks do not support',
      ids.greetAndListen,
      'Transitions.Conditions[0].Condition.Operator',
      'Contains',
      'Transitions.Conditions[0].Condition.Operator',
    ],
    [
      'a comparison value that is not a JSONPath',
      ids.checkEndCall,
      'Parameters.ComparisonValue',
      'parley:endCall',
      'Parameters.ComparisonValue',
    ],
    [
      'a contact attribute key with a dot',
      ids.recordHandoffReason,
      'Parameters.Attributes',
      { 'handoff.reason': 'x' },
      'Parameters.Attributes.handoff.reason',
    ],
  ])('reports %s with the action and field', (_, id, path, value, field) => {
    expect(validate(edit(exampleFlow(), id, path, value))).toEqual([
      expect.objectContaining({ action: id, field }),
    ]);
  });
});

describe('validateContactFlow: transitions', () => {
  it('reports a NextAction that names no action, with the closest one', () => {
    const flow = edit(exampleFlow(), ids.apologiseTechnicalError, 'Transitions.NextAction', 'hang-upp');
    expect(validate(flow)).toEqual([
      {
        action: ids.apologiseTechnicalError,
        field: 'Transitions.NextAction',
        message: 'names no action: "hang-upp"; did you mean "hang-up"?',
      },
    ]);
  });

  it('reports a StartAction that names no action', () => {
    expect(validate({ ...exampleFlow(), StartAction: 'welcome' })).toEqual([
      expect.objectContaining({ action: '(flow)', field: 'StartAction' }),
    ]);
  });

  it('reports an action the call never reaches', () => {
    const flow = exampleFlow();
    flow.Actions.push({
      Identifier: 'orphan',
      Type: 'MessageParticipant',
      Parameters: { Text: 'Nobody hears this.' },
      Transitions: {
        NextAction: ids.hangUp,
        Errors: [{ NextAction: ids.hangUp, ErrorType: 'NoMatchingError' }],
      },
    });
    expect(validate(flow)).toEqual([
      {
        action: 'orphan',
        field: 'Identifier',
        message: `is never reached from StartAction "${ids.setVoice}"`,
      },
    ]);
  });

  it('reports actions from which the call can never end', () => {
    const flow: ContactFlow = {
      Version: '2019-10-30',
      StartAction: 'hello',
      Actions: [
        {
          Identifier: 'hello',
          Type: 'MessageParticipant',
          Parameters: { Text: 'Hello.' },
          Transitions: {
            NextAction: 'again',
            Errors: [{ NextAction: 'again', ErrorType: 'NoMatchingError' }],
          },
        },
        {
          Identifier: 'again',
          Type: 'Compare',
          Parameters: { ComparisonValue: '$.Attributes.again' },
          Transitions: {
            NextAction: 'hello',
            Conditions: [{ NextAction: 'hello', Condition: { Operator: 'Equals', Operands: ['yes'] } }],
            Errors: [{ NextAction: 'hello', ErrorType: 'NoMatchingCondition' }],
          },
        },
      ],
    };
    expect(validate(flow).map((problem) => [problem.action, problem.field])).toEqual([
      ['hello', 'Transitions'],
      ['again', 'Transitions'],
    ]);
  });

  it('reports a branch that hangs up without a word', () => {
    const flow = edit(exampleFlow(), ids.greetAndListen, 'Transitions.Errors[2].NextAction', ids.hangUp);
    expect(validate(flow)).toEqual([
      {
        action: ids.greetAndListen,
        field: 'Transitions.Errors[2].NextAction',
        message:
          'hangs up without a word: the caller has heard no MessageParticipant and no Lex bot turn since ' +
          `"${ids.greetAndListen}" took Transitions.Errors[2].NextAction (NoMatchingError); go through a ` +
          `MessageParticipant that says goodbye or apologises before "${ids.hangUp}"`,
      },
    ]);
  });

  it("accepts a hang-up right after the bot's turn, with only a decision in between", () => {
    const flow = exampleFlow();
    const endCall = flow.Actions.find((action) => action.Identifier === ids.checkEndCall);
    expect(endCall?.Type).toBe('Compare');
    expect(endCall?.Transitions).toMatchObject({ Conditions: [{ NextAction: ids.hangUp }] });
    expect(validate(flow)).toEqual([]);
  });

  it('reports a decision that hangs up when a path to it never reached the bot', () => {
    const flow = edit(exampleFlow(), ids.setLanguage, 'Transitions.NextAction', ids.checkEndCall);
    expect(validate(flow)).toEqual([
      {
        action: ids.checkEndCall,
        field: 'Transitions.Conditions[0].NextAction',
        message: expect.stringContaining('since the call began;'),
      },
    ]);
  });

  it('reports a decision that hangs up after the bot failed to finish its turn', () => {
    const flow = edit(
      exampleFlow(),
      ids.greetAndListen,
      'Transitions.Errors[1].NextAction',
      ids.checkEndCall,
    );
    expect(validate(flow)).toEqual([
      {
        action: ids.checkEndCall,
        field: 'Transitions.Conditions[0].NextAction',
        message: expect.stringContaining(
          `since "${ids.greetAndListen}" took Transitions.Errors[1].NextAction (InputTimeLimitExceeded);`,
        ),
      },
    ]);
  });

  it.each([
    ['the agent queue cannot be set', ids.setAgentQueue, 'Transitions.Errors[0].NextAction'],
    ['the transfer fails', ids.transferToAgent, 'Transitions.NextAction'],
    ['the queue is full', ids.transferToAgent, 'Transitions.Errors[0].NextAction'],
  ])('reports a hang-up without an apology when %s, even after a bot turn', (_, id, field) => {
    const flow = edit(exampleFlow(), id, field, ids.hangUp);
    expect(validate(flow)).toContainEqual({
      action: id,
      field,
      message: expect.stringContaining(`since "${id}" took ${field}`),
    });
  });

  it('reports duplicate identifiers', () => {
    const flow = exampleFlow();
    flow.Actions.push(structuredClone(flow.Actions.at(-1) as FlowAction));
    expect(validate(flow)).toEqual([
      { action: ids.hangUp, field: 'Identifier', message: 'is used by more than one action' },
    ]);
  });
});

describe('validateContactFlow: intents', () => {
  it('reports a Lex branch on an intent the bot does not have, with the closest one', () => {
    const flow = edit(exampleFlow(), ids.listenAgain, 'Transitions.Conditions[0].Condition.Operands', [
      'TalkToAgnet',
    ]);
    expect(validate(flow)).toEqual([
      {
        action: ids.listenAgain,
        field: 'Transitions.Conditions[0].Condition.Operands[0]',
        message: 'intent "TalkToAgnet" is not in RetailSupportBot en_US; did you mean "TalkToAgent"?',
      },
    ]);
  });

  it('checks a Compare on $.Lex.IntentName too, but not other comparisons', () => {
    const onIntent = edit(exampleFlow(), ids.checkHandoff, 'Parameters.ComparisonValue', '$.Lex.IntentName');
    expect(validate(onIntent)).toEqual([
      expect.objectContaining({
        action: ids.checkHandoff,
        field: 'Transitions.Conditions[0].Condition.Operands[0]',
      }),
    ]);
  });

  it('reports a locale the bot does not have', () => {
    expect(validate(exampleFlow(), 'fr_FR')).toEqual([
      { action: '(flow)', field: '(bot)', message: 'the bot has no locale fr_FR' },
    ]);
  });
});

describe('validateContactFlow: SSML prompts', () => {
  function withApology(ssml: string): ContactFlow {
    return edit(exampleFlow(), ids.apologiseTechnicalError, 'Parameters.SSML', ssml);
  }

  it.each([
    ['<speak><s>Goodbye.</speak>', 'is not well-formed XML: Expected closing tag'],
    ['<speak>Tom &amp; Jerry&nbsp;say bye.</speak>', 'uses the entity &nbsp;'],
    ['<s>Goodbye.</s>', 'must have a single <speak> root element, not <s>'],
    ['<speak><emphasis>Goodbye.</emphasis></speak>', '<emphasis> is not supported by the neural engine'],
    [
      '<speak><prosody pitch="high">Bye.</prosody></speak>',
      '<prosody pitch="..."> is not supported by the neural engine',
    ],
    ['<speak>Bye\u0001</speak>', 'contains U+0001'],
    [`<speak>${'a'.repeat(6000)}</speak>`, 'Polly takes at most 6000'],
  ])('reports %j', (ssml, message) => {
    expect(validate(withApology(ssml))).toEqual([
      {
        action: ids.apologiseTechnicalError,
        field: 'Parameters.SSML',
        message: expect.stringContaining(message),
      },
    ]);
  });

  it('checks against the engine it is given', () => {
    const flow = withApology('<speak><emphasis level="strong">Goodbye.</emphasis></speak>');
    expect(validateContactFlow(flow, { bot, localeId: 'en_US', engine: 'standard' })).toEqual([]);
  });
});

describe('formatContactFlowProblem', () => {
  it('puts the action first, then the field', () => {
    expect(
      formatContactFlowProblem({
        action: 'apologise-no-input',
        field: 'Transitions.NextAction',
        message: 'names no action',
      }),
    ).toBe('apologise-no-input Transitions.NextAction: names no action');
  });
});
