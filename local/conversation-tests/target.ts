import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { PollyClient } from '@aws-sdk/client-polly';
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
  const config = {
    endpoint: stack.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
  const lex = new LexRuntimeV2Client(config);
  const polly = new PollyClient(config);
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
  region: string;
}

/** A deployed bot, with the credentials of the environment (profile, SSO, role), as any AWS client. */
export function deployedTarget(bot: DeployedBot): Target {
  const lex = new LexRuntimeV2Client({ region: bot.region });
  const polly = new PollyClient({ region: bot.region });
  return {
    description: `bot ${bot.botId} alias ${bot.aliasId} in ${bot.region}`,
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
