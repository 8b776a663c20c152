/** A turn the bench sent, with the memory turn its answer said it was stored as (none when not remembered). */
export interface SentTurn {
  text: string;
  rememberedAs: number | undefined;
}

/** A turn as conversation memory holds it. */
export interface StoredTurn {
  turn: number;
  user: string;
}

export interface MemoryCheck {
  /** Answers that said they were remembered. */
  expected: number;
  stored: number;
  /** Remembered answers whose turn memory does not hold, or holds with other words. */
  lost: number;
  /** Stored turns beyond one per remembered answer: the same turn number twice, or a turn nobody was told of. */
  duplicated: number;
}

/**
 * One session's sent turns against its stored ones: every answer that said "remembered as turn n" must find
 * turn n holding the words sent, once, and memory must hold nothing else.
 */
export function checkMemory(sent: readonly SentTurn[], stored: readonly StoredTurn[]): MemoryCheck {
  const byTurn = new Map<number, StoredTurn[]>();
  for (const item of stored) byTurn.set(item.turn, [...(byTurn.get(item.turn) ?? []), item]);
  const remembered = sent.filter(
    (turn): turn is SentTurn & { rememberedAs: number } => turn.rememberedAs !== undefined,
  );
  const claimed = new Set(remembered.map((turn) => turn.rememberedAs));
  const lost = remembered.filter(
    (turn) => !byTurn.get(turn.rememberedAs)?.some((item) => item.user === turn.text),
  ).length;
  const duplicated =
    [...byTurn.values()].reduce((extra, items) => extra + items.length - 1, 0) +
    // Two answers claiming one turn: one of them was not stored as its own.
    (remembered.length - claimed.size) +
    [...byTurn.keys()].filter((turn) => !claimed.has(turn)).length;
  return { expected: remembered.length, stored: stored.length, lost, duplicated };
}
