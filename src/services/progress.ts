import { buildProgress, COMMITMENT_SOURCES, type Practice, type Progress, type RelationshipCommitments } from '../coach/progress.js';
import type { TurnReading } from '../coach/reading/reading-schema.js';
import { dayText, rehearsalTitle } from '../coach/scenarios/partner.js';
import { practiceHistory, turnReadings, type PracticeRow } from '../db/queries/progress.js';
import type { Deps } from '../deps.js';
import { listDrafts, type DraftView } from './drafts.js';
import type { Page } from './page.js';
import { listRelationships, relationshipState } from './relationships.js';
import { listSessions, type ScoredSessionRow } from './sessions.js';

/** A draft in the tracker's lists: who it was to, and when. */
const draftTitle = (draft: NonNullable<PracticeRow['draft']>, mode: Practice['critique']['mode']) =>
  `Draft to ${draft.context.managerName ?? (mode === 'manager' ? 'someone on your team' : 'your manager')}, ${dayText(draft.createdAt)}`;

/**
 * The loop tracker: each step of the loop on both sides, scored from drafts and rehearsals; scores
 * over time; what the user said they would do; and the next drill. The API and the page both read it.
 */
export async function getProgress(deps: Pick<Deps, 'db' | 'now'>, userId: string): Promise<Progress> {
  const rows = await practiceHistory(deps.db, userId);
  // A draft critiqued again counts once, as its latest critique judged it.
  const latest = new Map(rows.flatMap((r, i) => (r.draft ? [[r.draft.id, i] as const] : [])));
  const kept = rows.filter((r, i) => r.session !== null || (r.draft !== null && latest.get(r.draft.id) === i));
  const recent = kept.slice(-COMMITMENT_SOURCES).flatMap((r) => (r.session ? [r.session.id] : []));
  const readings = new Map<string, TurnReading[]>();
  for (const t of await turnReadings(deps.db, userId, recent)) readings.set(t.sessionId, [...(readings.get(t.sessionId) ?? []), t.reading]);
  const present = (r: PracticeRow) => r.body.checks.filter((c) => c.present).map((c) => ({ id: c.id, evidence: c.evidence }));
  const history = kept.map((r): Practice => {
    if (r.session) {
      const turns = readings.get(r.session.id);
      return {
        kind: 'rehearsal',
        id: r.session.id,
        title: rehearsalTitle(r.session).text,
        scenarioId: r.session.scenarioId,
        at: r.session.endedAt ?? r.createdAt,
        critique: r.body,
        said: turns ? turns.flatMap((t) => t.checks) : present(r),
      };
    }
    const draft = r.draft as NonNullable<PracticeRow['draft']>;
    return { kind: 'draft', id: draft.id, title: draftTitle(draft, r.body.mode), at: r.createdAt, critique: r.body, said: present(r) };
  });
  return buildProgress(history, await relationshipCommitments(deps, userId));
}

/** Each of the user's relationships with its commitments as of now (as its page shows them). */
async function relationshipCommitments(deps: Pick<Deps, 'db' | 'now'>, userId: string): Promise<RelationshipCommitments[]> {
  const found: RelationshipCommitments[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRelationships(deps, userId, { limit: 100, ...(cursor && { cursor }) });
    for (const r of page.items) found.push({ relationshipId: r.id, name: r.name, commitments: (await relationshipState(deps, r)).state.commitments.items });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

/** The progress page: the tracker and the first page of each list, through the same reads as the API. */
export async function progressOverview(
  deps: Pick<Deps, 'db' | 'now'>,
  userId: string,
  limit: number,
): Promise<{ progress: Progress; sessions: Page<ScoredSessionRow>; drafts: Page<DraftView> }> {
  const [progress, sessions, drafts] = await Promise.all([
    getProgress(deps, userId),
    listSessions(deps, userId, { limit }),
    listDrafts(deps, userId, { limit }),
  ]);
  return { progress, sessions, drafts };
}
