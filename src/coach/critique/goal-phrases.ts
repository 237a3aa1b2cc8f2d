/**
 * Goal phrases found in a text come in three grammatical forms ("the lead role", "lead the Q3
 * launch", "promoted to senior"); templates need the one that fits their frame.
 */
const GOAL_VERBS = [
  ...['be', 'become', 'lead', 'run', 'own', 'manage', 'move', 'switch', 'transition', 'get', 'go', 'grow', 'learn', 'build', 'work', 'take'],
  ...['earn', 'reach', 'make', 'join', 'start', 'launch', 'drive', 'mentor', 'head', 'step', 'try', 'develop', 'improve', 'master'],
  ...['present', 'speak', 'write', 'design', 'spend', 'cut', 'reduce', 'go'],
];
const VERB_START = new RegExp(`^(?:${GOAL_VERBS.join('|')})\\b`, 'i');
const PARTICIPLE_START = /^(?:promoted|considered|put|moved|given|trained|certified|involved|recognised|recognized)\b/i;

export type GoalForm = 'verb' | 'participle' | 'noun';

export function goalForm(goal: string): GoalForm {
  const g = goal.trim().replace(/^to\s+/i, '');
  if (PARTICIPLE_START.test(g)) return 'participle';
  if (VERB_START.test(g)) return 'verb';
  return 'noun';
}

const bare = (goal: string) =>
  goal
    .trim()
    .replace(/^to\s+/i, '')
    .replace(/[.!?]+$/, '');

/** After "help me …": "toward the lead role" / "lead the launch" / "get promoted to senior". */
export function helpMeToward(goal: string): string {
  const form = goalForm(goal);
  const g = bare(goal);
  return form === 'noun' ? `toward ${g}` : form === 'verb' ? g : `get ${g}`;
}

/** After "what would you need to see from me …": "for the lead role" / "to lead the launch". */
export function seeFromMeFor(goal: string): string {
  const form = goalForm(goal);
  const g = bare(goal);
  return form === 'noun' ? `for ${g}` : form === 'verb' ? `to ${g}` : `to get ${g}`;
}

/** After "I'd like to …": "work toward the lead role" / "lead the launch" / "get promoted to senior". */
export function likeTo(goal: string): string {
  const form = goalForm(goal);
  const g = bare(goal);
  return form === 'noun' ? `work toward ${g}` : form === 'verb' ? g : `get ${g}`;
}
