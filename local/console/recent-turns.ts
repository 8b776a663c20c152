import type { HookCall } from '../lex/dialog/hook-exchange';
import type { TurnLogEntry, TurnLogger } from '../lex/runtime/turn-log';

/** Sessions remembered; the console shows the turn it just sent, so a small window is plenty. */
const MAX_SESSIONS = 200;

/** What the console shows of a session's last turn: its turn-log entry and its code hook exchanges. */
export interface RecentTurn {
  entry?: TurnLogEntry;
  hookCalls?: readonly HookCall[];
}

/** The last turn of each recent session, in memory only, for the console's inspector. */
export class RecentTurns {
  private readonly bySession = new Map<string, RecentTurn>();

  readonly record: TurnLogger = (entry) => this.update(entry.sessionId, { entry });

  readonly recordHookCalls = (sessionId: string, hookCalls: readonly HookCall[]): void =>
    this.update(sessionId, { hookCalls });

  last(sessionId: string): RecentTurn | undefined {
    return this.bySession.get(sessionId);
  }

  private update(sessionId: string, part: RecentTurn): void {
    const known = this.bySession.get(sessionId);
    this.bySession.delete(sessionId);
    this.bySession.set(sessionId, { ...known, ...part });
    // A Map iterates in insertion order: the first key is the session heard from longest ago.
    if (this.bySession.size > MAX_SESSIONS) {
      const oldest = this.bySession.keys().next().value;
      if (oldest !== undefined) this.bySession.delete(oldest);
    }
  }
}
