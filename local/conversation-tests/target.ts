import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { PollyClient } from '@aws-sdk/client-polly';
import { requireAwsSetup, toolClientConfig } from '../aws-tool-config';
import { startLocalStack } from '../stack';
import type { ConversationAlias } from './format';

/** A bot to run conversation tests against, through the real Lex runtime client. */
export interface Target {
  /** In reports: "local stack" or "bot ABC123 in us-east-1". */
  readonly description: string;
  readonly lex: LexRuntimeV2Client;
  /** Speaks `say:` turns; the target's own Polly, so a deployed bot hears a real voice. */
  readonly polly: PollyClient;
  readonly botId: string;
  /**
   * How key presses reach the bot: as DTMF, the way the local stack's Connect stand-in takes them, or as the
   * digits typed, since only Amazon Connect itself can send a deployed bot DTMF.
   */
  readonly keypad: 'dtmf' | 'typed';
  aliasId(alias: ConversationAlias): string;
  close(): Promise<void>;
}

/** The offline stack, started for the run and closed after it. */
export async function localTarget(): Promise<Target> {
  const stack = await startLocalStack({ log: () => undefined });
  const bot = stack.bots[0];
  if (!bot) {
    await stack.close();
    throw new Error('the local stack serves no bot');
  }
  const lex = new LexRuntimeV2Client(
    toolClientConfig({ endpoint: stack.endpoint, service: 'LEX_RUNTIME_V2' }),
  );
  const polly = new PollyClient(toolClientConfig({ endpoint: stack.endpoint, service: 'POLLY' }));
  return {
    description: `local stack at ${stack.endpoint}`,
    lex,
    polly,
    botId: bot.name,
    keypad: 'dtmf',
    aliasId: (alias) => (alias === 'staff' ? (bot.staffAlias?.id ?? bot.aliasId) : bot.aliasId),
    close: async () => {
      lex.destroy();
      polly.destroy();
      await stack.close();
    },
  };
}

export interface DeployedBot {
  botId: string;
  aliasId: string;
  /** The alias only staff channels may call; conversations on the staff alias need it. */
  staffAliasId?: string;
  /** Without it, the SDK's usual sources (AWS_REGION, the profile's region). */
  region?: string;
}

/**
 * A deployed bot, with the region and credentials of the environment (profile, SSO, role), as any AWS
 * client; fails with what to set when either is missing.
 */
export async function deployedTarget(bot: DeployedBot): Promise<Target> {
  const config = bot.region ? { region: bot.region } : {};
  const lex = new LexRuntimeV2Client(config);
  const polly = new PollyClient(config);
  try {
    await requireAwsSetup(lex, 'leave out --bot-id and --alias-id');
  } catch (error) {
    lex.destroy();
    polly.destroy();
    throw error;
  }
  return {
    description: `bot ${bot.botId} alias ${bot.aliasId} in ${await lex.config.region()}`,
    lex,
    polly,
    botId: bot.botId,
    keypad: 'typed',
    aliasId: (alias) => {
      if (alias === 'public') return bot.aliasId;
      if (!bot.staffAliasId) throw new Error('this conversation uses the staff alias: pass --staff-alias-id');
      return bot.staffAliasId;
    },
    close: async () => {
      lex.destroy();
      polly.destroy();
    },
  };
}
