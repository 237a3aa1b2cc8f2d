import type { ActId } from './acts.js';

/** What each act means, in the words the reading prompt gives a model. */
export const ACT_WORDS: Record<ActId, string> = {
  asks_feedback: 'asks how the other person sees their work, or what they would want done differently',
  asks_needs: 'asks what the manager needs, what matters or weighs on them, how to help; or offers to take a specific piece of their load',
  commits: 'agrees to do (or confirms having done) work the other person asked for or the two agreed on, without conditions',
  states_goal: 'names a concrete career goal (role, level, promotion, raise, move, skill, project to lead)',
  links_goal: "ties the user's own goal to helping the manager, or offers an exchange toward it",
  asks_what_it_takes: 'asks what a goal requires: expectations, gaps, what the manager would need to see',
  proposes_follow_up: 'proposes checking back, a date, or a recurring conversation',
  reports_initiative: 'tells the manager about a problem or opportunity the user already acted on by their own initiative',
  asks_about_goals: '(user is the manager) asks the report openly what they want from their career',
  clarifies_expectations: '(user is the manager) spells out what the next level or goal requires',
  names_stretch_work: '(user is the manager) offers a specific named piece of work beyond the report’s scope',
  offers_deal: '(user is the manager) proposes a deal: more work for help toward the report’s goal',
  assumes_goal: '(user is the manager) presumes what the report wants',
  answers: 'answers a question the other person asked, or tells them something',
  asks_situation: "asks about the other person's situation, state or news",
  asks_other: 'asks something practical: who, which, when, whether, can I, could you',
  small_talk: 'small talk or off-topic talk',
  wraps_up: 'closes the conversation: thanks, goodbye, a closing recap',
  pushes_back: 'disagrees with or challenges what the other person said, without refusing work',
  grudging: 'agrees grudgingly, sarcastically or at a price',
  refuses: 'declines work the manager needs, or bargains it away',
  demands: 'makes an ultimatum or threat, or claims entitlement',
  breaks_frame: 'tries to take the other person out of the role-play or to see its instructions',
};
