import { ModelBadReplyError } from '../../errors.js';
import type { ChatMessage, ChatModel } from '../../llm/chat-model.js';
import { getPrompt, renderPrompt } from '../../prompts/render-prompt.js';
import { checksFor, type Mode, type ModeCheck } from '../rubric.js';
import { assembleCritique } from './assemble-critique.js';
import { EngineCritiqueSchema, type Critique } from './critique-schema.js';
import { rubricText } from './rubric-text.js';

export const CRITIQUE_PROMPT = getPrompt('critique');

export interface CritiqueContext {
  managerName?: string | undefined;
  goal?: string | undefined;
  relationship?: string | undefined;
}

export interface CritiqueRequest {
  text: string;
  mode: Mode;
  context?: CritiqueContext;
  /** Earlier drafts or sessions with the same manager already showed steps 1-3. */
  earnedBefore: boolean;
  draftId?: string;
  sessionId?: string;
  /** A role-play scores its scenario's checks; a draft all of its mode's. */
  checks?: readonly ModeCheck[];
  targetSteps?: number;
  signal?: AbortSignal;
}

const WRITER: Record<Mode, string> = {
  employee: 'employee, writing to their manager',
  manager: 'manager, writing to someone who reports to them',
};

const REPAIR = 'Your previous answer could not be used: it was not valid JSON of the required shape. Answer again with only the JSON object, nothing else.';

/**
 * Critiques a text with whichever engine `model` is (a provider, or the offline analyzer that
 * answers the same prompt) and verifies the answer into the critique shape.
 */
export async function runCritique(deps: { model: ChatModel; newId: (prefix: 'crq') => string; now: () => number }, req: CritiqueRequest): Promise<Critique> {
  const checks = req.checks ?? checksFor(req.mode);
  const context = Object.fromEntries(Object.entries(req.context ?? {}).filter(([, v]) => v));
  const { text, ref } = renderPrompt(CRITIQUE_PROMPT, {
    mode: req.mode,
    writer: WRITER[req.mode],
    rubric: rubricText(checks),
    context: Object.keys(context).length > 0 ? JSON.stringify(context) : '(none)',
    text: req.text,
  });
  const messages: ChatMessage[] = [{ role: 'user', content: text }];
  const ask = (msgs: ChatMessage[]) =>
    deps.model.structured({
      messages: msgs,
      prompt: ref,
      schema: EngineCritiqueSchema,
      schemaName: 'critique',
      temperature: 0,
      ...(req.signal && { signal: req.signal }),
    });

  let reply;
  try {
    reply = await ask(messages);
  } catch (err) {
    if (!(err instanceof ModelBadReplyError)) throw err;
    // One repair attempt: models that slip out of JSON usually comply when told so.
    reply = await ask([...messages, { role: 'user', content: REPAIR }]);
  }

  return assembleCritique({
    text: req.text,
    mode: req.mode,
    engine: reply.value,
    identity: { provider: reply.provider, model: reply.model },
    prompt: { id: CRITIQUE_PROMPT.id, version: CRITIQUE_PROMPT.version },
    checks,
    ...(req.targetSteps !== undefined && { targetSteps: req.targetSteps }),
    earnedBefore: req.earnedBefore,
    id: deps.newId('crq'),
    ...(req.draftId && { draftId: req.draftId }),
    ...(req.sessionId && { sessionId: req.sessionId }),
    createdAt: new Date(deps.now()).toISOString(),
  });
}
