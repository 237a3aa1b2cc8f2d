import { z } from 'zod';
import type { CheckId } from '../rubric.js';

/** What one user turn of a rehearsal does, read in its context. Defined once: stored readings, evals and prompts use these ids. */
export const ACT_IDS = [
  'asks_feedback',
  'asks_needs',
  'commits',
  'states_goal',
  'links_goal',
  'asks_what_it_takes',
  'proposes_follow_up',
  'reports_initiative',
  'asks_about_goals',
  'clarifies_expectations',
  'names_stretch_work',
  'offers_deal',
  'assumes_goal',
  'answers',
  'asks_situation',
  'asks_other',
  'small_talk',
  'wraps_up',
  'pushes_back',
  'grudging',
  'refuses',
  'demands',
  'breaks_frame',
] as const;
export type ActId = (typeof ACT_IDS)[number];
export const ActIdSchema = z.enum(ACT_IDS);

export const TONES = ['warm', 'neutral', 'hesitant', 'curt', 'hostile', 'sarcastic'] as const;
export type Tone = (typeof TONES)[number];
export const ToneSchema = z.enum(TONES);

/** The act each rubric check is evidence of; checks without one (hedging, vague goals, blame) colour the turn but are no act. */
export const ACT_OF_CHECK: Partial<Record<CheckId, ActId>> = {
  asks_for_feedback: 'asks_feedback',
  offers_help: 'asks_needs',
  commits_to_task: 'commits',
  states_goal: 'states_goal',
  links_goal_to_needs: 'links_goal',
  asks_what_it_takes: 'asks_what_it_takes',
  proposes_follow_up: 'proposes_follow_up',
  keeps_leader_informed: 'reports_initiative',
  asks_about_goals: 'asks_about_goals',
  clarifies_expectations: 'clarifies_expectations',
  names_stretch_work: 'names_stretch_work',
  offers_partnership: 'offers_deal',
  assumes_goal: 'assumes_goal',
  refuses_work: 'refuses',
  demanding: 'demands',
};

/** Help and commitment given grudgingly or at a price earn nothing (the rubric's "without conditions"). */
export const NOT_CREDITED_WHEN_GRUDGING: readonly CheckId[] = ['offers_help', 'commits_to_task'];
