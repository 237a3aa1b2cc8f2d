import type { OfflineHandlers } from '../llm/offline-chat-model.js';
import { offlineCritique } from './critique/offline-critique.js';
import { offlineHint, type HintData } from './roleplay/hint.js';
import { offlinePersonaReply, type PersonaTurnData } from './roleplay/offline-persona.js';
import { offlineSummary, type SummaryData } from './roleplay/running-summary.js';
import { ModeSchema } from './rubric.js';

/**
 * The offline engine's answer to each prompt id, working on the prompt's variables and structured
 * data rather than its prose. A prompt without a handler fails loudly rather than answering nonsense.
 */
export const OFFLINE_HANDLERS: OfflineHandlers = {
  critique: ({ vars }) => {
    const context = vars.context && vars.context !== '(none)' ? (JSON.parse(vars.context) as { goal?: string }) : {};
    return offlineCritique(vars.text ?? '', ModeSchema.parse(vars.mode), context.goal ? { goal: context.goal } : {});
  },
  'roleplay-manager': ({ data }) => offlinePersonaReply(data as PersonaTurnData),
  'roleplay-employee': ({ data }) => offlinePersonaReply(data as PersonaTurnData),
  summary: ({ data }) => offlineSummary(data as SummaryData),
  hint: ({ data }) => offlineHint(data as HintData),
};
