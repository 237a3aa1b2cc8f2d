import { z } from 'zod';

/**
 * The Magic Loop rubric (`../shared/rubric.md`) as data: every check once. The analyzer, the
 * model prompt, the zod enums, the datasets and the UI all derive from this list; its ids are API.
 */
export const MODES = ['employee', 'manager'] as const;
export type Mode = (typeof MODES)[number];
export const ModeSchema = z.enum(MODES);

/**
 * The loop step a check practises. The rubric gives steps for the employee side; for the manager
 * side we map each move to the step it plays when the manager starts the loop: expectations of
 * the current job (1), the help-for-help deal (2), the work to do (3), the goal (4), repeat (5).
 */
export type Step = 1 | 2 | 3 | 4 | 5 | 'advanced' | null;
export type CheckKind = 'move' | 'pitfall';

interface CheckSpec {
  id: string;
  kind: CheckKind;
  /** Per mode: a check can belong to both (proposes_follow_up) with wording for each. */
  modes: Partial<Record<Mode, { step: Step; label: string; description: string; advice: string }>>;
}

export const RUBRIC = [
  {
    id: 'asks_for_feedback',
    kind: 'move',
    modes: {
      employee: {
        step: 1,
        label: 'asks how your work is seen',
        description: "Asks how the manager sees the user's current work, or what they would want done differently.",
        advice: 'Ask how your manager sees your current work before asking for anything: it shows you care about doing the job well first.',
      },
    },
  },
  {
    id: 'offers_help',
    kind: 'move',
    modes: {
      employee: {
        step: 2,
        label: 'offers help',
        description: "Asks what the manager needs or how to help, or offers to take a specific piece of the manager's or team's load.",
        advice: 'Ask what matters most to your manager right now, or offer to take a specific piece of their load, with no strings attached.',
      },
    },
  },
  {
    id: 'commits_to_task',
    kind: 'move',
    modes: {
      employee: {
        step: 3,
        label: 'commits to the work asked',
        description: 'Agrees to do, or confirms having done, work the manager asked for or the two agreed on, without conditions.',
        advice: 'Commit plainly to the work your manager asked for, and say when it will be done; no "only if".',
      },
    },
  },
  {
    id: 'states_goal',
    kind: 'move',
    modes: {
      employee: {
        step: 4,
        label: 'names a concrete goal',
        description: 'Names a concrete career goal: a role or level, a promotion or raise, a move, a skill, a project to lead, a work-life change.',
        advice: 'Name the concrete goal (a role, level, skill or project), not just "growth", so your manager can help you toward it.',
      },
    },
  },
  {
    id: 'links_goal_to_needs',
    kind: 'move',
    modes: {
      employee: {
        step: 4,
        label: 'ties your goal to their needs',
        description: "Ties the user's goal to specific help for the manager or team that would also build toward it.",
        advice: 'Connect your goal to what your manager needs: "Is there a way I could help you with X that would also help me reach my goal?"',
      },
    },
  },
  {
    id: 'asks_what_it_takes',
    kind: 'move',
    modes: {
      employee: {
        step: 4,
        label: 'asks what it takes',
        description: 'Asks what the goal requires: expectations, gaps, what the manager would need to see.',
        advice: 'Ask what it would take: what your manager would need to see from you to get there.',
      },
    },
  },
  {
    id: 'proposes_follow_up',
    kind: 'move',
    modes: {
      employee: {
        step: 5,
        label: 'proposes a follow-up',
        description: 'Proposes checking back, or a recurring conversation with the manager, about the loop or the goal.',
        advice: 'Propose checking back on progress, e.g. a short monthly conversation about the goal: that is how the loop repeats.',
      },
      manager: {
        step: 5,
        label: 'proposes a follow-up',
        description: 'Proposes checking back, or a recurring conversation, about the goal and the agreed work.',
        advice: 'Set a time to check back on the goal and the agreed work, so the loop keeps going.',
      },
    },
  },
  {
    id: 'keeps_leader_informed',
    kind: 'move',
    modes: {
      employee: {
        step: 'advanced',
        label: 'keeps your leader informed',
        description: 'Tells the manager about a problem or opportunity the user already acted on by their own initiative.',
        advice:
          'When you have fixed something on your own initiative, tell your manager briefly: ' +
          'what happened, what you did, and whether anything is needed from them.',
      },
    },
  },
  {
    id: 'demanding',
    kind: 'pitfall',
    modes: {
      employee: {
        step: null,
        label: 'demanding',
        description: 'Makes an ultimatum or threat, or claims entitlement ("I deserve", "I expect").',
        advice: 'Drop the ultimatum or entitlement: ask what it would take and offer help instead of claiming what you are owed.',
      },
    },
  },
  {
    id: 'over_hedging',
    kind: 'pitfall',
    modes: {
      employee: {
        step: null,
        label: 'over-hedged',
        description: 'Piles up apologies, minimizers or permission-seeking until the request is hard to take seriously.',
        advice: 'Cut the apologies and minimizers ("sorry", "just", "no worries if not"): state the request plainly.',
      },
    },
  },
  {
    id: 'vague_goal',
    kind: 'pitfall',
    modes: {
      employee: {
        step: null,
        label: 'vague about the goal',
        description: 'Asks for growth or a career conversation without naming a concrete goal.',
        advice: 'Replace "growth" or "my career" with the concrete goal you have in mind (a role, level, skill or project).',
      },
    },
  },
  {
    id: 'refuses_work',
    kind: 'pitfall',
    modes: {
      employee: {
        step: null,
        label: 'refusing work',
        description: 'Declines, or bargains away, work the manager needs.',
        advice: 'Take on the work your manager needs, even the unglamorous part; earn the ask by helping first.',
      },
    },
  },
  {
    id: 'blames_others',
    kind: 'pitfall',
    modes: {
      employee: {
        step: null,
        label: 'blaming others',
        description: 'Blames colleagues, other teams or the manager for problems.',
        advice: 'Describe the problem and what you will do about it, without blaming colleagues, other teams or your manager.',
      },
    },
  },
  {
    id: 'asks_about_goals',
    kind: 'move',
    modes: {
      manager: {
        step: 4,
        label: 'asks about their goals',
        description: 'Asks the employee, open-endedly, what they want from their career or next role.',
        advice: 'Ask open-endedly what they want from their career or next role, and listen before proposing anything.',
      },
    },
  },
  {
    id: 'offers_partnership',
    kind: 'move',
    modes: {
      manager: {
        step: 2,
        label: 'offers a partnership',
        description: 'Proposes a deal: the employee takes on more, and the manager helps them toward their goal in return.',
        advice: 'Offer a deal: if they take on more of what the team needs, you will help them toward their goal, and say how.',
      },
    },
  },
  {
    id: 'names_stretch_work',
    kind: 'move',
    modes: {
      manager: {
        step: 3,
        label: 'names stretch work',
        description: "Assigns or offers a specific, named piece of work or role beyond the employee's current scope.",
        advice: 'Name a specific piece of stretch work beyond their current scope that builds toward their goal.',
      },
    },
  },
  {
    id: 'clarifies_expectations',
    kind: 'move',
    modes: {
      manager: {
        step: 1,
        label: 'clarifies expectations',
        description: 'Spells out what the next level or goal requires, or the gap between now and then.',
        advice: 'Spell out what the next level requires and where the gap is today.',
      },
    },
  },
  {
    id: 'assumes_goal',
    kind: 'pitfall',
    modes: {
      manager: {
        step: null,
        label: 'assuming their goal',
        description: 'Presumes what the employee wants ("you will want to manage like I did").',
        advice: "Don't presume their path: ask what they want instead of assuming it is management, or staying put.",
      },
    },
  },
] as const satisfies readonly CheckSpec[];

export type CheckId = (typeof RUBRIC)[number]['id'];
export const CHECK_IDS = RUBRIC.map((c) => c.id) as unknown as readonly [CheckId, ...CheckId[]];
export const CheckIdSchema = z.enum(CHECK_IDS);

export interface ModeCheck {
  id: CheckId;
  kind: CheckKind;
  step: Step;
  /** Short, for lists: "offers help". */
  label: string;
  description: string;
  advice: string;
}

/** The checks of one mode, in rubric order, with that mode's wording. */
export function checksFor(mode: Mode): ModeCheck[] {
  return RUBRIC.flatMap((c) => {
    const spec: CheckSpec['modes'][Mode] = (c.modes as CheckSpec['modes'])[mode];
    return spec ? [{ id: c.id, kind: c.kind, ...spec }] : [];
  });
}

export const CHECKS_BY_MODE: Record<Mode, ModeCheck[]> = { employee: checksFor('employee'), manager: checksFor('manager') };
