import type { TurnLogEntry, TurnLogger } from '../lex/runtime/turn-log';

/** Sessions remembered; the console shows the turn it just sent, so a small window is plenty. */
const MAX_SESSIONS = 200;

/** The last turn-log entry of each recent session, in memory, for the console's inspector. */
export class RecentTurns {
  private readonly bySession = new Map<string, TurnLogEntry>();

  readonly record: TurnLogger = (entry) => {
    this.bySession.delete(entry.sessionId);
    this.bySession.set(entry.sessionId, entry);
    // A Map iterates in insertion order: the first key is the session heard from longest ago.
    if (this.bySession.size > MAX_SESSIONS) {
      const oldest = this.bySession.keys().next().value;
      if (oldest !== undefined) this.bySession.delete(oldest);
    }
  };

  last(sessionId: string): TurnLogEntry | undefined {
    return this.bySession.get(sessionId);
  }
}
