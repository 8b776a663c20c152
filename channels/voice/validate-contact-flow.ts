import type { z } from 'zod';
import { didYouMean } from '../../bot-definitions/loader/closest-name';
import { findLocale, type LoadedBot } from '../../bot-definitions/loader/load';
import type { PollyEngine } from '../../functions/voice/engine-support';
import { intentProblems } from './checks/intents';
import { FLOW_LEVEL, type ContactFlowProblem } from './checks/problem';
import { ssmlProblems } from './checks/ssml';
import { transitionProblems } from './checks/transitions';
import { ACTION_SCHEMAS, FlowEnvelope, type ActionType, type FlowAction } from './flow-language';

export { formatContactFlowProblem, FLOW_LEVEL, type ContactFlowProblem } from './checks/problem';

export interface ContactFlowValidationContext {
  /** The bot the flow's Lex blocks talk to, as loaded from `bot-definitions/`. */
  bot: LoadedBot;
  /** The bot locale this flow's callers reach (the contact language the flow sets). */
  localeId: string;
  /** The Polly engine of the voice reading the flow's own prompts; Parley's lines use neural voices. */
  engine?: PollyEngine;
}

/**
 * Everything wrong with `flow` (untrusted JSON, e.g. a file or a rendered flow) as a Parley phone line for
 * `context.bot`: the flow-language subset's shape, then the transitions as a graph, the intent names in
 * conditions, and every SSML prompt. An empty list means the flow is valid. Never throws on bad input.
 */
export function validateContactFlow(
  flow: unknown,
  context: ContactFlowValidationContext,
): ContactFlowProblem[] {
  const envelope = FlowEnvelope.safeParse(flow);
  if (!envelope.success) return schemaProblems(FLOW_LEVEL, envelope.error);

  const problems: ContactFlowProblem[] = [];
  const actions: FlowAction[] = [];
  envelope.data.Actions.forEach((raw, index) => {
    const label = actionLabel(raw, index);
    const type = field(raw, 'Type');
    if (!isActionType(type)) {
      problems.push({ action: label, field: 'Type', message: unknownType(type) });
      return;
    }
    const parsed = ACTION_SCHEMAS[type].safeParse(raw);
    if (parsed.success) actions.push(parsed.data);
    else problems.push(...schemaProblems(label, parsed.error));
  });

  const locale = findLocale(context.bot, context.localeId);
  const botLabel = `${context.bot.definition.Name} ${context.localeId}`;
  if (locale === undefined)
    problems.push({
      action: FLOW_LEVEL,
      field: '(bot)',
      message: `the bot has no locale ${context.localeId}`,
    });
  else {
    const intentNames = new Set((locale.Intents ?? []).map((intent) => intent.Name));
    problems.push(...intentProblems(actions, intentNames, botLabel));
  }
  problems.push(...ssmlProblems(actions, context.engine ?? 'neural'));
  // The graph is only meaningful once every action parsed; until then its problems would be echoes.
  if (actions.length === envelope.data.Actions.length)
    problems.push(...transitionProblems(envelope.data.StartAction, actions));
  return problems;
}

function schemaProblems(action: string, error: z.ZodError): ContactFlowProblem[] {
  return error.issues.map((issue) => ({ action, field: readablePath(issue.path), message: issue.message }));
}

/** `Transitions.Errors[1].NextAction`, as the flow's JSON spells it. */
function readablePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

function actionLabel(raw: unknown, index: number): string {
  const identifier = field(raw, 'Identifier');
  return typeof identifier === 'string' && identifier !== '' ? identifier : `Actions[${index}]`;
}

function field(raw: unknown, name: string): unknown {
  return typeof raw === 'object' && raw !== null && Object.hasOwn(raw, name)
    ? (raw as Record<string, unknown>)[name]
    : undefined;
}

function isActionType(type: unknown): type is ActionType {
  return typeof type === 'string' && Object.hasOwn(ACTION_SCHEMAS, type);
}

function unknownType(type: unknown): string {
  const known = Object.keys(ACTION_SCHEMAS);
  if (typeof type !== 'string') return `must be one of ${known.join(', ')}`;
  return `${JSON.stringify(type)} is not in Parley's flow language subset (${known.join(', ')})${didYouMean(type, known)}`;
}
