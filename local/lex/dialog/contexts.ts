import type { Intent } from '../../../bot-definitions/loader/schema';
import type { ContextLifetime, DialogSession, WireActiveContext, WireSlots } from './state';

type OutputContext = NonNullable<Intent['OutputContexts']>[number];

/** Drops contexts past their turns or seconds, counts this turn against the rest, returns the live names. */
export function expireContexts(session: DialogSession, nowMs: number): Set<string> {
  const live = (session.state.activeContexts ?? []).filter((context) => {
    const lifetime = session.contextLifetimes[context.name];
    return lifetime !== undefined && lifetime.turnsLeft > 0 && lifetime.expiresAtMs > nowMs;
  });
  session.state.activeContexts = live;
  for (const name of Object.keys(session.contextLifetimes)) {
    if (!live.some((c) => c.name === name)) delete session.contextLifetimes[name];
  }
  for (const context of live) {
    const lifetime = session.contextLifetimes[context.name];
    if (lifetime) lifetime.turnsLeft -= 1;
  }
  return new Set(live.map((c) => c.name));
}

/** The code hook's active contexts replace the session's, each living its own turns and seconds from now. */
export function replaceActiveContexts(
  session: DialogSession,
  contexts: readonly WireActiveContext[],
  nowMs: number,
): void {
  session.state.activeContexts = structuredClone([...contexts]);
  session.contextLifetimes = {};
  for (const context of contexts) {
    session.contextLifetimes[context.name] = lifetimeFrom(
      context.timeToLive.turnsToLive,
      context.timeToLive.timeToLiveInSeconds,
      nowMs,
    );
  }
}

/**
 * A fulfilled intent's output contexts, carrying its slots' interpreted values as attributes; an output
 * context that is already active starts its lifetime again.
 */
export function activateOutputContexts(
  session: DialogSession,
  outputs: readonly OutputContext[],
  slots: WireSlots | undefined,
  nowMs: number,
): void {
  if (outputs.length === 0) return;
  const attributes: Record<string, string> = {};
  for (const [name, slot] of Object.entries(slots ?? {})) {
    const value = slot?.value?.interpretedValue;
    if (value) attributes[name] = value;
  }
  const contexts = (session.state.activeContexts ?? []).filter(
    (c) => !outputs.some((o) => o.Name === c.name),
  );
  for (const output of outputs) {
    contexts.push({
      name: output.Name,
      timeToLive: { timeToLiveInSeconds: output.TimeToLiveInSeconds, turnsToLive: output.TurnsToLive },
      contextAttributes: attributes,
    });
    session.contextLifetimes[output.Name] = lifetimeFrom(
      output.TurnsToLive,
      output.TimeToLiveInSeconds,
      nowMs,
    );
  }
  session.state.activeContexts = contexts;
}

function lifetimeFrom(turns: number, seconds: number, nowMs: number): ContextLifetime {
  return { turnsLeft: turns, expiresAtMs: nowMs + seconds * 1000 };
}
