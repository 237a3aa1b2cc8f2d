import { turnDeadlineMs } from '../coach/roleplay/turn-rules.js';
import { lockSession, renewLock, unlockSession, type SessionRow } from '../db/queries/sessions.js';
import type { Deps } from '../deps.js';
import { ConflictError } from '../errors.js';

/**
 * A session's turn lock as a lease. The holder renews it with a heartbeat while the reply (or hint,
 * or debrief) is produced, so a live turn keeps it however slow the model, and a turn whose process
 * died (kill -9, an evicted Worker isolate) frees the session `lockLeaseMs` after its last beat:
 * 20 s by default, where a lock sized for the slowest possible turn held it for minutes. Nothing
 * here is particular to Node: the Worker runs the same code, its timers live as long as the request.
 */
export type LeaseDeps = Pick<Deps, 'db' | 'now' | 'config'>;

/** Beats per lease: one every 5 s at the default 20 s, so three can be missed before the lease lapses. */
export const BEATS_PER_LEASE = 4;

/** A lease taken now expires at this time: a lease from now, never past the longest a turn may take. */
export function leaseUntil(deps: LeaseDeps, started: number): number {
  return Math.min(deps.now() + deps.config.lockLeaseMs, started + turnDeadlineMs(deps.config));
}

/** A session whose turn lock this request holds, and when it took it. */
export interface Locked {
  session: SessionRow;
  started: number;
}

/** Takes the turn lock of `session` (409 with `busy` when someone holds it), as a lease under a new token. */
export async function lockFor(deps: LeaseDeps, session: SessionRow, busy: string): Promise<Locked> {
  const started = deps.now();
  const locked = await lockSession(deps.db, session.userId, session.id, { now: started, until: leaseUntil(deps, started), token: crypto.randomUUID() });
  if (!locked) throw new ConflictError(busy);
  return { session: locked, started };
}

/** Runs `work` under a lock `lockFor` took, its lease renewed all along, and releases the lock after, whatever happens. */
export async function whileLocked<T>(deps: LeaseDeps, { session, started }: Locked, work: () => Promise<T>): Promise<T> {
  const beat = heartbeat(deps, session, started);
  try {
    return await work();
  } finally {
    beat.stop();
    await unlockSession(deps.db, session.userId, session.id);
  }
}

const LEASE_LOST = 'This reply lost its hold on the session (its lease lapsed and another request took it over); retry it.';

export interface Heartbeat {
  /** Aborted when the lease was lost (its reason a ConflictError): the work should stop, it no longer owns the session. */
  signal: AbortSignal;
  stop(): void;
}

/**
 * Renews the lease `locked` holds (taken at `started`) every `lockLeaseMs / BEATS_PER_LEASE` until
 * stopped. A beat that fails (the database briefly unreachable) is skipped; the next one tries again.
 */
export function heartbeat(deps: LeaseDeps, locked: Pick<SessionRow, 'userId' | 'id' | 'turnToken'>, started: number): Heartbeat {
  const controller = new AbortController();
  const token = locked.turnToken;
  if (!token) throw new Error('a heartbeat needs the token the lock was taken under');
  let beating = false;
  let stopped = false;
  const beat = async () => {
    if (beating) return;
    beating = true;
    try {
      const held = await renewLock(deps.db, locked.userId, locked.id, token, leaseUntil(deps, started));
      // After stop() the holder has settled and unlocked: a beat still under way finds the token gone.
      if (!held && !stopped) controller.abort(new ConflictError(LEASE_LOST));
    } catch {
      // Skipped: the lease still has BEATS_PER_LEASE - 1 beats to go.
    } finally {
      beating = false;
    }
  };
  const timer = setInterval(() => void beat(), Math.max(1, Math.floor(deps.config.lockLeaseMs / BEATS_PER_LEASE)));
  return {
    signal: controller.signal,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
