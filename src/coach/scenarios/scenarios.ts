import type { Scenario, ScenarioId } from './types.js';

/**
 * The role-play scenarios: one per step of the Magic Loop, one for advanced mode, and one where
 * the user is the manager and starts the loop. Text here is read by the user while rehearsing, so
 * it speaks to them; `openingLine` is the persona's first line when the persona has no opening of
 * its own for the scenario (see `PersonaLines.opening`).
 */
export const SCENARIOS: Record<ScenarioId, Scenario> = {
  'performance-check': {
    id: 'performance-check',
    mode: 'employee',
    step: 1,
    title: 'Find out how your manager really sees your work',
    objective:
      "Ask your manager how they see your current work and what they would want done differently. Then commit to acting on what you hear, and agree when you'll check back.",
    scoredChecks: ['asks_for_feedback', 'commits_to_task', 'proposes_follow_up'],
    openingLine: 'Hi, come on in. You asked for some time — what did you want to talk about?',
    suggestedGoal: 'Be promoted to senior engineer at the next review cycle',
    defaultPersona: 'supportive-busy',
  },
  'offer-help': {
    id: 'offer-help',
    mode: 'employee',
    step: 2,
    title: 'Ask your manager how you can help',
    objective:
      'Find out what matters most to your manager right now, and offer to take a specific piece of it off their plate, with no strings attached. Commit to it and agree when to check back.',
    scoredChecks: ['offers_help', 'commits_to_task', 'proposes_follow_up'],
    openingLine: "Hey, have a seat. It's been a week — what's on your mind?",
    suggestedGoal: 'Become a team lead within the next year',
    defaultPersona: 'overwhelmed',
  },
  'unglamorous-task': {
    id: 'unglamorous-task',
    mode: 'employee',
    step: 3,
    title: 'Take on the work nobody wants',
    objective:
      "Your manager is about to hand you maintenance work nobody is fighting over. Commit to it plainly, with a date and no 'only if'; find out why it matters to them, and agree when you'll report back.",
    scoredChecks: ['commits_to_task', 'offers_help', 'proposes_follow_up'],
    openingLine: "Thanks for coming. I'll be honest: there's a piece of maintenance work that needs an owner, and it isn't exciting. I'd like it to be you.",
    suggestedGoal: 'Lead a project of your own within six months',
    defaultPersona: 'skeptical',
  },
  'goal-alignment': {
    id: 'goal-alignment',
    mode: 'employee',
    step: 4,
    title: 'Make the ask: link your goal to what your manager needs',
    objective:
      "Find out what your manager needs, name your concrete goal, and ask: 'Is there a way I could help you that would also help me reach it?' Then ask what it would take, and set a time to check back.",
    scoredChecks: ['offers_help', 'states_goal', 'links_goal_to_needs', 'asks_what_it_takes', 'proposes_follow_up'],
    openingLine: 'Good to see you. You said you wanted to talk about something bigger — go ahead.',
    suggestedGoal: 'Be promoted to senior engineer within a year',
    defaultPersona: 'assumes-path',
  },
  'follow-up': {
    id: 'follow-up',
    mode: 'employee',
    step: 5,
    title: 'Come back for the next loop',
    objective:
      "It's weeks after your last conversation. Report what you delivered, find out what has changed for your manager, offer help with it, restate your goal and what it takes, and set the next check-in.",
    scoredChecks: ['commits_to_task', 'offers_help', 'states_goal', 'asks_what_it_takes', 'proposes_follow_up'],
    openingLine: "Hey — it's been a few weeks since we last talked properly. Catch me up.",
    suggestedGoal: 'Lead the next product launch',
    defaultPersona: 'new-manager',
  },
  'advanced-update': {
    id: 'advanced-update',
    mode: 'employee',
    step: 'advanced',
    title: 'Tell your leader what you already fixed',
    objective:
      'You spotted a problem and fixed it on your own initiative. Tell your manager briefly what happened, what you did and whether anything is needed from them; then find out what they care about most right now, and link it to your goal.',
    scoredChecks: ['keeps_leader_informed', 'offers_help', 'states_goal', 'links_goal_to_needs', 'proposes_follow_up'],
    openingLine: "I've got a few minutes between meetings. What's up?",
    suggestedGoal: 'Move up to staff engineer in the next promotion cycle',
    defaultPersona: 'supportive-busy',
  },
  'manager-initiated': {
    id: 'manager-initiated',
    mode: 'manager',
    // The whole loop, started from the manager's side: no single employee step.
    step: null,
    title: 'Start the loop with someone on your team',
    objective:
      "You're the manager. Find out what your report actually wants without assuming it, spell out what it would take, offer specific stretch work and a deal, and set a time to check back.",
    scoredChecks: ['asks_about_goals', 'clarifies_expectations', 'names_stretch_work', 'offers_partnership', 'proposes_follow_up'],
    openingLine: 'Hi — you wanted to see me? Is everything okay?',
    suggestedGoal: 'Agree one stretch project with your report that builds toward their goal, and a monthly check-in',
    defaultPersona: 'quiet-high-performer',
  },
};
