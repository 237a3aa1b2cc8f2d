import { and, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Critique } from '../../coach/critique/critique-schema.js';
import type { Db } from '../client.js';
import { critiques, drafts } from '../schema.js';

export type DraftRow = typeof drafts.$inferSelect;

export async function insertDraft(db: Db, row: typeof drafts.$inferInsert): Promise<DraftRow> {
  const [inserted] = await db.insert(drafts).values(row).returning();
  if (!inserted) throw new Error('insert into drafts returned no row');
  return inserted;
}

export async function countDrafts(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(drafts).where(eq(drafts.userId, userId));
  return row?.n ?? 0;
}

export async function getDraft(db: Db, userId: string, id: string): Promise<DraftRow | undefined> {
  const [row] = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.id, id), eq(drafts.userId, userId)))
    .limit(1);
  return row;
}

/** Newest first; `cursor` is the last id of the previous page (ids sort by creation). */
export async function listDrafts(db: Db, userId: string, page: { limit: number; cursor?: string | undefined }): Promise<DraftRow[]> {
  return db
    .select()
    .from(drafts)
    .where(and(eq(drafts.userId, userId), page.cursor ? lt(drafts.id, page.cursor) : undefined))
    .orderBy(desc(drafts.id))
    .limit(page.limit + 1);
}

export async function deleteDraft(db: Db, userId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(drafts)
    .where(and(eq(drafts.id, id), eq(drafts.userId, userId)))
    .returning({ id: drafts.id });
  if (deleted.length > 0) await db.delete(critiques).where(and(eq(critiques.draftId, id), eq(critiques.userId, userId)));
  return deleted.length > 0;
}

export async function insertCritique(db: Db, userId: string, critique: Critique): Promise<void> {
  await db.insert(critiques).values({
    id: critique.id,
    userId,
    draftId: critique.draftId ?? null,
    sessionId: critique.sessionId ?? null,
    mode: critique.mode,
    provider: critique.provider,
    model: critique.model,
    promptId: critique.promptId,
    promptVersion: critique.promptVersion,
    score: critique.score,
    body: critique,
    createdAt: new Date(critique.createdAt),
  });
}

/** The latest critique of each draft given, by draft id. */
export async function latestCritiques(db: Db, userId: string, draftIds: readonly string[]): Promise<Map<string, Critique>> {
  if (draftIds.length === 0) return new Map();
  const rows = await db
    .select({ draftId: critiques.draftId, body: critiques.body })
    .from(critiques)
    .where(and(eq(critiques.userId, userId), inArray(critiques.draftId, [...draftIds])))
    .orderBy(desc(critiques.id));
  const latest = new Map<string, Critique>();
  for (const row of rows) if (row.draftId && !latest.has(row.draftId)) latest.set(row.draftId, row.body);
  return latest;
}

/**
 * Critiques of the user's earlier drafts to the same manager (by name, case-insensitive),
 * newest first: the history that can earn a step-4 ask.
 */
export async function critiquesForManager(db: Db, userId: string, managerName: string, excludeDraftId: string, limit = 50): Promise<Critique[]> {
  const rows = await db
    .select({ body: critiques.body })
    .from(critiques)
    .innerJoin(drafts, eq(drafts.id, critiques.draftId))
    .where(
      and(
        eq(critiques.userId, userId),
        eq(drafts.userId, userId),
        sql`lower(json_extract(${drafts.context}, '$.managerName')) = lower(${managerName})`,
        sql`${drafts.id} <> ${excludeDraftId}`,
      ),
    )
    .orderBy(desc(critiques.id))
    .limit(limit);
  return rows.map((r) => r.body);
}
