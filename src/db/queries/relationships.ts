import { and, asc, count, desc, eq, lt } from 'drizzle-orm';
import type { EntryCorrection } from '../../coach/loop/entry-reading-schema.js';
import type { Db } from '../client.js';
import { relationshipEntries, relationships, sessions } from '../schema.js';

export type RelationshipRow = typeof relationships.$inferSelect;
export type EntryRow = typeof relationshipEntries.$inferSelect;

export async function insertRelationship(db: Db, row: typeof relationships.$inferInsert): Promise<RelationshipRow> {
  const [inserted] = await db.insert(relationships).values(row).returning();
  if (!inserted) throw new Error('insert into relationships returned no row');
  return inserted;
}

export async function countRelationships(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(relationships).where(eq(relationships.userId, userId));
  return row?.n ?? 0;
}

const own = (userId: string, id: string) => and(eq(relationships.id, id), eq(relationships.userId, userId));

export async function getRelationship(db: Db, userId: string, id: string): Promise<RelationshipRow | undefined> {
  const [row] = await db.select().from(relationships).where(own(userId, id)).limit(1);
  return row;
}

/** Newest first; `cursor` is the last id of the previous page. Fetches `limit + 1` rows: the extra one says whether more exist. */
export async function listRelationships(db: Db, userId: string, page: { limit: number; cursor?: string | undefined }): Promise<RelationshipRow[]> {
  return db
    .select()
    .from(relationships)
    .where(and(eq(relationships.userId, userId), page.cursor ? lt(relationships.id, page.cursor) : undefined))
    .orderBy(desc(relationships.id))
    .limit(page.limit + 1);
}

export async function updateRelationship(
  db: Db,
  userId: string,
  id: string,
  changes: Partial<Pick<RelationshipRow, 'name' | 'role' | 'relation' | 'style' | 'knownPriorities' | 'yourGoal' | 'updatedAt'>>,
): Promise<RelationshipRow | undefined> {
  const [row] = await db.update(relationships).set(changes).where(own(userId, id)).returning();
  return row;
}

/**
 * Deletes the relationship and its entries in one batch. Rehearsals started from it stay (they are
 * the user's practice, with their own delete) but lose the link; the persona they were played with
 * stays with them.
 */
export async function deleteRelationship(db: Db, userId: string, id: string): Promise<boolean> {
  const [found] = await db.select({ id: relationships.id }).from(relationships).where(own(userId, id)).limit(1);
  if (!found) return false;
  await db.batch([
    db
      .update(sessions)
      .set({ relationshipId: null })
      .where(and(eq(sessions.userId, userId), eq(sessions.relationshipId, id))),
    db.delete(relationshipEntries).where(and(eq(relationshipEntries.userId, userId), eq(relationshipEntries.relationshipId, id))),
    db.delete(relationships).where(own(userId, id)),
  ]);
  return true;
}

export async function countEntries(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(relationshipEntries).where(eq(relationshipEntries.userId, userId));
  return row?.n ?? 0;
}

export async function insertEntry(db: Db, row: typeof relationshipEntries.$inferInsert): Promise<EntryRow> {
  const [inserted] = await db.insert(relationshipEntries).values(row).returning();
  if (!inserted) throw new Error('insert into relationship_entries returned no row');
  return inserted;
}

const ownEntry = (userId: string, relationshipId: string, id: string) =>
  and(eq(relationshipEntries.id, id), eq(relationshipEntries.userId, userId), eq(relationshipEntries.relationshipId, relationshipId));

export async function getEntry(db: Db, userId: string, relationshipId: string, id: string): Promise<EntryRow | undefined> {
  const [row] = await db
    .select()
    .from(relationshipEntries)
    .where(ownEntry(userId, relationshipId, id))
    .limit(1);
  return row;
}

/** A relationship's entries, oldest conversation first: the history the loop is read from. */
export async function allEntries(db: Db, userId: string, relationshipId: string): Promise<EntryRow[]> {
  return db
    .select()
    .from(relationshipEntries)
    .where(and(eq(relationshipEntries.userId, userId), eq(relationshipEntries.relationshipId, relationshipId)))
    .orderBy(asc(relationshipEntries.at), asc(relationshipEntries.id));
}

/** Newest entry first by id, for the paged list. */
export async function listEntries(db: Db, userId: string, relationshipId: string, page: { limit: number; cursor?: string | undefined }): Promise<EntryRow[]> {
  return db
    .select()
    .from(relationshipEntries)
    .where(
      and(
        eq(relationshipEntries.userId, userId),
        eq(relationshipEntries.relationshipId, relationshipId),
        page.cursor ? lt(relationshipEntries.id, page.cursor) : undefined,
      ),
    )
    .orderBy(desc(relationshipEntries.id))
    .limit(page.limit + 1);
}

export async function setCorrection(
  db: Db,
  userId: string,
  relationshipId: string,
  id: string,
  correction: EntryCorrection,
  updatedAt: Date,
): Promise<EntryRow | undefined> {
  const [row] = await db
    .update(relationshipEntries)
    .set({ correction, updatedAt })
    .where(ownEntry(userId, relationshipId, id))
    .returning();
  return row;
}

export async function deleteEntry(db: Db, userId: string, relationshipId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(relationshipEntries)
    .where(ownEntry(userId, relationshipId, id))
    .returning({ id: relationshipEntries.id });
  return deleted.length > 0;
}
