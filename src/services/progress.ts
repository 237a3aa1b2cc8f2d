import { buildProgress, type Progress } from '../coach/progress.js';
import { sessionScores } from '../db/queries/sessions.js';
import type { Deps } from '../deps.js';
import { listDrafts, type DraftView } from './drafts.js';
import type { Page } from './page.js';
import { listSessions, type ScoredSessionRow } from './sessions.js';

/** The loop tracker: each step of the loop, scores over time, and the open loop. */
export async function getProgress(deps: Pick<Deps, 'db'>, userId: string): Promise<Progress> {
  return buildProgress(await sessionScores(deps.db, userId));
}

/** The progress page: the tracker and the first page of each list, through the same reads as the API. */
export async function progressOverview(
  deps: Pick<Deps, 'db'>,
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
