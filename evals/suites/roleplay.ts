import type { EvalContext } from '../context.js';
import type { ConversationCase, Dataset, PersonaCase } from '../dataset.js';
import { runConversations, type ConversationMetrics, type ConversationResult } from './conversations.js';
import { runPersonaCases, type PersonaCaseMetrics, type PersonaCaseResult } from './persona-cases.js';
import { runSimulatedUsers, type Comparison, type RehearsalResult, type SimulatedUsersMetrics } from './simulated-users.js';

export interface RoleplayMetrics {
  conversations: ConversationMetrics;
  personaCases: PersonaCaseMetrics;
  simulatedUsers: SimulatedUsersMetrics;
  /** Over all three parts. */
  leaks: number;
  personaBreaks: number;
  notEvaluated: number;
}

export type RoleplayCase = ConversationResult | PersonaCaseResult | RehearsalResult | Comparison;

/** The role-play suite: labelled transcripts, persona behaviour cases, and simulated users, all through the app. */
export async function runRoleplaySuite(ctx: EvalContext, data: { conversations: Dataset<ConversationCase>[]; personas: Dataset<PersonaCase>[] }) {
  const merge = <T>(ds: Dataset<T>[]): Dataset<T> => ({ path: ds.map((d) => d.path).join(', '), sha256: '', cases: ds.flatMap((d) => d.cases) });
  const conversations = await runConversations(ctx, merge(data.conversations));
  const personas = await runPersonaCases(ctx, merge(data.personas));
  const simulated = await runSimulatedUsers(ctx);
  const cases: RoleplayCase[] = [...conversations.cases, ...personas.cases, ...simulated.rehearsals, ...simulated.comparisons];
  const metrics: RoleplayMetrics = {
    conversations: conversations.metrics,
    personaCases: personas.metrics,
    simulatedUsers: simulated.metrics,
    leaks: conversations.metrics.leaks + personas.metrics.leaks + simulated.metrics.leaks,
    personaBreaks: conversations.metrics.personaBreaks + personas.metrics.personaBreaks + simulated.metrics.personaBreaks,
    notEvaluated: cases.filter((c) => c.status === 'not_evaluated').length,
  };
  return { metrics, cases };
}
