import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Critique } from '../../coach/critique/critique-schema.js';
import type { TurnReading } from '../../coach/reading/reading-schema.js';
import type { Db } from '../client.js';
import { critiques, drafts, messages, sessions } from '../schema.js';

/** One scored piece of practice: a critique with the rehearsal or draft it judged. */
export interface PracticeRow {
  critiqueId: string;
  body: Critique;
  createdAt: Date;
  session: { id: string; scenarioId: string; personaId: string; context: Record<string, string>; createdAt: Date; endedAt: Date | null } | null;
  draft: { id: string; context: Record<string, string>; createdAt: Date } | null;
}

/**
 * The user's newest critiques (of drafts and of ended rehearsals), oldest first: the history the
 * loop tracker is built from. A draft critiqued again appears once per critique; the caller keeps
 * the latest.
 */
export async function practiceHistory(db: Db, userId: string, limit = 500): Promise<PracticeRow[]> {
  const rows = await db
    .select({
      critiqueId: critiques.id,
      body: critiques.body,
      createdAt: critiques.createdAt,
      sessionId: sessions.id,
      scenarioId: sessions.scenarioId,
      personaId: sessions.personaId,
      context: sessions.context,
      sessionCreatedAt: sessions.createdAt,
      endedAt: sessions.endedAt,
      draftId: drafts.id,
      draftContext: drafts.context,
      draftCreatedAt: drafts.createdAt,
    })
    .from(critiques)
    .leftJoin(sessions, and(eq(sessions.id, critiques.sessionId), eq(sessions.userId, userId)))
    .leftJoin(drafts, and(eq(drafts.id, critiques.draftId), eq(drafts.userId, userId)))
    .where(eq(critiques.userId, userId))
    .orderBy(desc(critiques.id))
    .limit(limit);
  return rows.reverse().map((r) => ({
    critiqueId: r.critiqueId,
    body: r.body,
    createdAt: r.createdAt,
    session:
      r.sessionId !== null && r.scenarioId !== null && r.personaId !== null && r.sessionCreatedAt !== null
        ? { id: r.sessionId, scenarioId: r.scenarioId, personaId: r.personaId, context: r.context ?? {}, createdAt: r.sessionCreatedAt, endedAt: r.endedAt }
        : null,
    draft: r.draftId !== null && r.draftCreatedAt !== null ? { id: r.draftId, context: r.draftContext ?? {}, createdAt: r.draftCreatedAt } : null,
  }));
}

/** The readings of the user's turns in the given sessions, in order: what each turn showed, check by check. */
export async function turnReadings(db: Db, userId: string, sessionIds: readonly string[]): Promise<Array<{ sessionId: string; reading: TurnReading }>> {
  if (sessionIds.length === 0) return [];
  const rows = await db
    .select({ sessionId: messages.sessionId, reading: messages.reading })
    .from(messages)
    .where(and(eq(messages.userId, userId), eq(messages.role, 'user'), inArray(messages.sessionId, [...sessionIds]), isNotNull(messages.reading)))
    .orderBy(messages.sessionId, messages.seq);
  return rows.flatMap((r) => (r.reading ? [{ sessionId: r.sessionId, reading: r.reading }] : []));
}
