import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { BlockActions } from './payloads';

/** Where an answer goes: a channel, and the thread in it (none for a direct message outside threads). */
export interface ReplyPlace {
  channel: string;
  replyThreadTs: string | undefined;
}

/** Posts Parley's messages in order, links and media left unexpanded (answers cite, they do not preview). */
export async function post(
  client: WebClient,
  turn: ReplyPlace,
  posts: readonly { text: string; blocks: KnownBlock[] }[],
): Promise<void> {
  for (const { text, blocks } of posts) {
    await client.chat.postMessage({
      channel: turn.channel,
      text,
      ...(blocks.length > 0 ? { blocks } : {}),
      ...(turn.replyThreadTs ? { thread_ts: turn.replyThreadTs } : {}),
      unfurl_links: false,
      unfurl_media: false,
    });
  }
}

/** The clicked message with one block swapped for a line of context: used buttons cannot be used again. */
export async function replaceBlock(
  client: WebClient,
  click: BlockActions,
  blockId: string,
  note: string,
): Promise<void> {
  const blocks = z
    .array(z.looseObject({ type: z.string(), block_id: z.string().optional() }))
    .safeParse(click.message?.blocks);
  if (!blocks.success) return;
  const replaced = blocks.data.map((block) =>
    block.block_id === blockId ? { type: 'context', elements: [{ type: 'mrkdwn', text: note }] } : block,
  );
  await client.chat.update({
    channel: click.channel.id,
    ts: click.container.message_ts,
    text: typeof click.message?.text === 'string' ? click.message.text : note,
    // Slack's echo of blocks Parley posted, so they are Block Kit already; only their shape was checked.
    blocks: replaced as unknown as KnownBlock[],
  });
}
