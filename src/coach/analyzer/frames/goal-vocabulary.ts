import { alt, oneOf } from '../pattern.js';

/*
 * What counts as a concrete career goal (rubric `states_goal`): a role or level, a promotion or
 * raise, a move to another team or field, a skill or qualification, a project to lead, a
 * work-life change. Drafts come from every trade (wards, classrooms, warehouses, law firms), so
 * roles are matched by head nouns ("the senior buyer role", "the charge nurse post") as well as by
 * a list of titles.
 */

const TITLES = [
  'senior',
  'snr',
  'staff',
  'principal',
  'lead',
  'leader',
  'manager',
  'management',
  'director',
  'partner',
  'partnership',
  'supervisor',
  'head of',
  'headteacher',
  'head teacher',
  'chief',
  'deputy',
  'vp',
  'vice president',
  'avp',
  'svp',
  'architect',
  'specialist',
  'trainer',
  'coordinator',
  'charge nurse',
  'nurse in charge',
  'person in charge',
  'ward manager',
  'ward sister',
  'matron',
  'registrar',
  'consultant',
  'foreman',
  'superintendent',
  'team lead',
  'tech lead',
  'product owner',
  'tenure',
  'professor',
  'lecturer',
  'team leader',
  'assistant head',
  'principal engineer',
  'staff engineer',
  'engineering manager',
  'people manager',
  'line manager',
  'sous chef',
  'sous',
  'head chef',
  'store manager',
  'area manager',
  'regional manager',
  'shift supervisor',
  'site manager',
  'educator',
  'practice educator',
  'site lead',
];
// A title used as a modifier names no goal: "the staff rota", "the senior leadership meeting".
const NOT_A_ROLE_AFTER =
  String.raw`(?! ` +
  oneOf([
    String.raw`team(?! lead| leader)`,
    String.raw`vide|room|meeting|meetings|party|parties|survey|shortages?|levels|handbook`,
    String.raw`time|list|update|call|sync|offsite|away ?day|night|kitchen|car ?park|canteen`,
    String.raw`training day|leadership team|team meeting|sign-?off|approval|review of`,
  ]) +
  String.raw`\b)(?!-)`;
const LEVELS = oneOf([
  String.raw`(?:l|e|ic|p|m|g|b)\d{1,2}`,
  String.raw`(?:band|level|grade|tier) \d{1,2}[a-z]?`,
  String.raw`grade [a-h]\b|senior-level`,
  String.raw`next (?:level|band|grade|rung|title|role|job)`,
]);
// Head nouns of a role or a career step: "the deputy title", "a secondment", "the partnership track".
// A head noun after a content word: "the senior buyer role", "the partnership track". The head is
// matched first and the word before checked by lookbehind, which is far cheaper than trying every word.
const MODIFIED_HEAD =
  String.raw`(?<=[\w-] )(?<!\b(?:about|for|the|a|an|to|of|on|in|at|with|my|your|our|this|that|into|from|by|as|is|be|get|and|or) )` +
  String.raw`(?:role|position|post|title|track|seat|job)`;
const HEADS = oneOf([
  MODIFIED_HEAD,
  oneOf([
    String.raw`secondment|transfer|apprenticeship|ticket|command upgrade|captaincy|fellowship`,
    String.raw`qualification|certification|certificate|chartership|accreditation|licen[cs]e`,
    String.raw`degree|mba|phd|diploma|masters`,
    String.raw`leadership (?:programme|program|course|scheme)`,
  ]),
  String.raw`(?:programme|program|scheme) for (?:new |future |aspiring )?(?:managers|leaders)`,
]);
const BAD_HEAD_MODIFIERS =
  String.raw`(?<!\b` +
  oneOf([
    String.raw`good|great|better|decent|fine|proper|bad|blog|linkedin|side|day|odd|the whole`,
    String.raw`a|on|off|keep|back|fast|inside|first|this|that`,
  ]) +
  String.raw` (?:role|position|post|title|track|job))`;
const PAY = oneOf([
  String.raw`(?:a|the|my|any|for|pay|salary|small|decent|proper|this|that|another) raise`,
  String.raw`raise (?:conversation|discussion|request)`,
  String.raw`pay ?rise`,
  String.raw`(?:a|my|the) rise\b`,
  String.raw`pay (?:bump|increase|review|band|bands|grade|adjustment|uplift|progression)`,
  String.raw`salary|compensation`,
  String.raw`comp (?:review|bump|increase|band)`,
  String.raw`more money|paid more`,
  String.raw`(?:a|my) bonus`,
  String.raw`equity|stock options|counter-?offer`,
  String.raw`(?:match|beat) (?:the |their |an? |this |that )?(?:[\w-]+ ){0,2}offer`,
  String.raw`market rate`,
  String.raw`\d+ ?% (?:bump|rise|raise|increase|uplift)`,
  String.raw`(?:bump|uplift|increase) in (?:my )?(?:pay|salary)`,
]);
const PROMOTION = String.raw`(?:promot(?:ed|ion|ions|e)\b|promo\b|(?:put|putting) (?:me |my name )?(?:up|forward) for|title (?:change|bump|upgrade))`;
// "move it to Thursday", "switch to another time", "transfer to bay 4": a move in the diary or the building.
const NOT_A_CAREER_MOVE = oneOf([
  String.raw`it|that|this|them|you|me`,
  String.raw`thursday|friday|monday|tuesday|wednesday|tomorrow|next week|a different time|another time`,
  String.raw`bay|the meeting`,
]);
const MOVE = oneOf([
  String.raw`qualify(?:ing)? into [\w-]+`,
  oneOf([
    String.raw`move|moving|transfer|transferring|switch|switching|rotate|rotating`,
    String.raw`transition|transitioning|pivot|pivoting|branch|branching|crossover`,
  ]) +
    String.raw` (?:from (?:the |my |a )?(?:[\w-]+ ){1,3}?)?(?:over |across |back |sideways |out |up )?` +
    String.raw`(?:to|into|onto|in to|toward|towards) (?!${NOT_A_CAREER_MOVE}\b)`,
  String.raw`(?:go|going|get|getting|step|stepping|break|breaking|move|moving) (?:in)?to ` +
    oneOf([
      String.raw`management|people management|leadership|product|product management`,
      String.raw`project management|engineering|sales|marketing|design|data|data science`,
      String.raw`research|teaching|consulting|consultancy|ux|ml|ai|security|finance|hr`,
      String.raw`operations|ops|policy|academia|industry|analytics|compliance|audit|events`,
      String.raw`training|qa|testing|devops|strategy|tax|law|nursing|recruitment|procurement`,
      String.raw`logistics|account management|customer success|l&d|education`,
      String.raw`[\w-]+ (?:writing|design|analysis|analytics|engineering|management|research|strategy|nursing|teaching)\b`,
      String.raw`the [\w-]+ (?:team|side|world|field|track|department|office)`,
    ]),
  String.raw`(?:the|my|a) (?:[\w-]+ )?(?:move|transfer|switch|secondment|transition|sideways move) (?:to|into|onto|over to)`,
  String.raw`\bjoin(?:ing)? (?:the )?(?:[\w-]+ ){1,2}team`,
  String.raw`(?:go|going|get|getting) on (?:to )?the (?:[\w-]+ )?job market`,
  String.raw`me moving (?:to|into|over)`,
  String.raw`(?<=\bput me (?:on|onto|in|into) )(?:the )?(?:[\w-]+ ){1,2}(?:team|desk|unit|ward|side)`,
]);
const SKILL = oneOf([
  String.raw`(?:get|getting|become|becoming) ` +
    String.raw`(?:better|stronger|more confident|more fluent|fluent|proficient|certified|qualified|chartered|accredited|good)` +
    String.raw`(?! (?:at |in |with )?(?:the job|my job|the role|my role|it|things|what i do|everything|the work|my work)\b) ` +
    String.raw`(?:at|in|with)?`,
  String.raw`(?:learn|learning) (?!(?:more|about|from|how|what|why|a lot|the ropes|that|this|it)\b)[\w-]+`,
  String.raw`skills?\b`,
  String.raw`(?:experience|exposure|expertise|grounding) (?:in|with|of|on)`,
  String.raw`speciali[sz]\w*|upskill\w*`,
  String.raw`(?:improve|improving|build|building|develop|developing|strengthen\w*|deepen\w*|sharpen\w*|work on) (?:my )?(?:[\w-]+ ){0,2}` +
    oneOf([
      String.raw`skills?|chops|abilit\w+|confidence|fluency|writing|presenting|presentation`,
      String.raw`public speaking|communication|leadership|negotiation|coaching|management`,
      String.raw`technical depth|craft|expertise`,
    ]),
  String.raw`public speaking`,
  String.raw`(?:get|do|complete|finish|take|sit|pass|earn|start|study for) (?:my|a|the|an) (?:[\w-]+ ){0,2}` +
    String.raw`(?:qualification|exam|exams|certificat\w*|course|degree|diploma|licen[cs]e|accreditation|chartership|mba|masters|phd)`,
]);
const LEAD_PROJECT =
  String.raw`(?:(?:lead|leading|run|running|own|owning|head|heading|spearhead|spearheading|drive|driving|chair|chairing|manage|managing)` +
  String.raw` (?:up )?(?:my own|a|an|the|our|this|that|next year's|next quarter's|[\w-]+'s) ` +
  String.raw`(?!(?:meeting|meetings|standup|stand-up|numbers|report|errand|risk)\b)[\w-]+)`;
const WORK_LIFE = oneOf([
  String.raw`(?:go|going|drop|dropping|switch|switching|cut|cutting|move|moving|come|coming) (?:down |back )?to (?:four|4|three|3|two|2) days`,
  String.raw`off (?:nights|night shifts|weekends|the night rota|lates)\b`,
  String.raw`(?:four|4|three|3)[- ]day (?:work(?:ing)? )?week`,
  String.raw`(?:four|4|three|3) days (?:a|per) week`,
  String.raw`drop (?:to|down to) (?:[\w-]+ )?(?:days|hours)`,
  String.raw`part[- ]time`,
  String.raw`(?:work|working) (?:fully )?remote(?:ly)?`,
  String.raw`remote (?:work|working|role|job|contract)`,
  String.raw`go(?:ing)? remote`,
  String.raw`fully remote`,
  String.raw`(?:work|working) from home`,
  String.raw`wfh`,
  String.raw`hybrid (?:working|pattern|schedule|role|contract)`,
  String.raw`flexible (?:hours|working|schedule|pattern|arrangement)`,
  String.raw`compressed (?:hours|week)`,
  String.raw`(?:fewer|reduced?|shorter) (?:hours|days|weeks)`,
  String.raw`reduce my hours|sabbatical|career break|relocat\w+|job[- ]share`,
  String.raw`nine-day fortnight`,
  String.raw`(?:term|school)[- ]time (?:only|contract|hours)`,
  String.raw`(?:fewer|less) (?:night shifts|nights|weekends|on-call|travel|overtime)`,
]);
const BECOME = oneOf([
  String.raw`becom(?:e|ing) (?:a|an|the) [\w-]+`,
  String.raw`be (?:a|an) (?!(?:bit|little|lot|good|great|problem|pain|bother|burden|nuisance|part|chance|way|help|team player|fly)\b)` +
    String.raw`[\w-]+ (?:[\w-]+ )?` +
    oneOf([
      String.raw`manager|lead|leader|director|partner|engineer|nurse|teacher|consultant|trainer`,
      String.raw`specialist|analyst|architect|designer|owner|supervisor|head|coordinator`,
      String.raw`officer|scientist|developer|researcher`,
    ]),
]);

/** A concrete career goal, anywhere in folded text (still to be tied to the writer). */
export const GOAL_CUE =
  String.raw`\b` +
  oneOf([
    String.raw`${alt(TITLES)}${NOT_A_ROLE_AFTER}\b`,
    LEVELS,
    String.raw`${HEADS}\b${BAD_HEAD_MODIFIERS}`,
    PAY,
    PROMOTION,
    MOVE,
    SKILL,
    LEAD_PROJECT,
    WORK_LIFE,
    BECOME,
    // "I want my own store", "you know I want my own section eventually".
    String.raw`my own (?:store|shop|branch|site|ward|unit|team|section|kitchen|restaurant|bar|salon|clinic|practice|caseload|crew|` +
      String.raw`department|region|class|classroom)\b`,
  ]);

/**
 * Words before a goal that make it the writer's own: wanting, aiming, asking, deserving, being
 * considered or backed for it, getting closer to it. Without one, "Sarah got promoted to senior"
 * or "the lead role went to Kim" names someone else's goal.
 */
export const GOAL_LINK =
  String.raw`\b` +
  oneOf([
    // Not having it yet, or being allowed it.
    String.raw`(?:still )?(?:haven'?t|have not|hasn'?t|never) (?:had|got|gotten|been given|been offered|received|seen)`,
    String.raw`still no|no sign of`,
    String.raw`open to me|ok with me|okay with me|fine with me|mind if i`,
    // Wanting, expecting, being owed.
    String.raw`i'?m after|i am after|going after|make me|made`,
    String.raw`want|wanna|wanted to|(?:would|'?d) (?:really |also |very much |quite |so |genuinely )*(?:like|love)|love to|like to`,
    String.raw`expect|expecting|request|requesting|owed|due|interest\w*`,
    String.raw`missing for|needed for|need for|required for|qualify for|eligible for`,
    // Aiming, planning, preparing.
    String.raw`hope|hoping|aim|aiming|aspire|aspiring|plan to|planning to|planning on|trying to|try to`,
    String.raw`grow into|growing into|preparing to|preparing for|prepare for|i'?ll need|i will need|i'?d need`,
    String.raw`intend|intending|goal|goals|ambition|dream|keen|eager|interested|excited|ready for|ready to`,
    String.raw`see myself|picture myself`,
    String.raw`working toward|working towards|work toward|work towards|go for|going for|gunning for|set my sights on`,
    // Being considered, putting oneself forward.
    String.raw`in the running|considered|consider me|put my name|name forward|put me (?:forward|up)|be put (?:forward|up)`,
    String.raw`apply|applying|application|throw my hat|push for|pushing for|targeting`,
    // Time and distance to it.
    String.raw`next step|next move|longer term|long-term|long term|eventually|one day|someday`,
    String.raw`end up|get to|getting to|reach|make it to|move up to|step up to|closer to|toward|towards`,
    String.raw`on the way to|path to|route to|between me and`,
    // Backing and deserving.
    String.raw`me for|back me|backing me|support my|sponsor me|my case for`,
    String.raw`deserve|earned|expect to be|expecting to be|should be|overdue|either i get`,
    // Raising it in conversation.
    String.raw`talk about|chat about|talk through|discuss|discussing|conversation about|ask about|asking about`,
    String.raw`asked (?:[\w-]+ ){0,3}?(?:about|for)|hear (?:back )?(?:about|on)|news (?:on|about)`,
    String.raw`an? (?:answer|update|decision) (?:on|about)|ask for|asking for|bring up|pick up the|revisit`,
    // The writer's chances, and the writer's own wording of the goal.
    String.raw`where i am on|before i could|for me to|chance of|chance to|path for me|possible for me`,
    String.raw`could i|can i|let me|i need|over me|instead of me|i get|i got to`,
    String.raw`my aim is|my goal is|my plan is|my (?:[\w-]+ )?wish is|wish to|wishing to`,
    String.raw`i (?:don'?t|do not) get|either i'?m|(?:whether|if) i (?:could|can|might)`,
    String.raw`put me (?:on|onto|in|into)|putting me`,
    // Checking in on it, and what it takes.
    String.raw`check(?:-| )?in (?:[\w-]+ ){0,4}?on|check back (?:[\w-]+ ){0,4}?on`,
    String.raw`need to see|want to see|like to see|for my`,
  ]) +
  String.raw`\b`;
/** "For the senior role, what would you want to see?": the goal fronted as a topic. */
export const GOAL_TOPIC = String.raw`^for the\b`;

/** Right after a goal, words that tie it to the writer: "the team lead goal", "the charge nurse thing". */
export const GOAL_LINK_AFTER =
  String.raw`^ *(?:[\w-]+ ){0,2}?` +
  oneOf([
    String.raw`goal|thing|conversation|discussion|idea|application|plan|dream|ambition`,
    String.raw`aspiration|question|over me|instead of me`,
    String.raw`is (?:still )?(?:my|the) (?:goal|aim|dream|plan)`,
    String.raw`is what i'?m (?:after|aiming|hoping)`,
    String.raw`prep|preparation|progress|is mine|should be mine`,
    String.raw`(?:doesn'?t|does not|won'?t|isn'?t|is not) (?:come through|happen|get approved|approved|materiali[sz]e)`,
    String.raw`comes through`,
    String.raw`i (?:most |really )?(?:want|'d like|would like|hope|need) to`,
    String.raw`is (?:tracking|progressing|coming along|shaping up|realistic)`,
    String.raw`(?:realistic|possible|doable) for me`,
  ]) +
  String.raw`\b`;

/** Between the link and the goal, these make it a question of fact ("I just want to understand how the pay bands work"). */
export const INFORMATIONAL =
  String.raw`\b` +
  oneOf([
    String.raw`understand|know|find out|check|see how|ask how|clarify|confirm|hear about`,
    String.raw`learn how|learn about`,
    String.raw`how (?:the|it|this|that)`,
    String.raw`what (?:the|they|she|he)`,
  ]) +
  String.raw`\b`;

/** Goals that are the writer's by their wording alone. */
export const SELF_GOAL =
  String.raw`\b` +
  oneOf([
    String.raw`not (?:at|for|on) (?:this|that|my current|the current|these) (?:salary|pay|rate|money|wage)`,
    String.raw`my ` +
      oneOf([
        String.raw`promotion|promo|raise|pay rise|next role|next job|move|transfer|secondment`,
        String.raw`application|promotion case|promo case|case for`,
      ]),
    String.raw`(?:the|my) (?:promotion|promo) (?:plan|case|packet|conversation|discussion|timeline)`,
    String.raw`the raise conversation`,
    String.raw`me moving (?:to|into|over)`,
    String.raw`(?:match|beat) (?:the |their |an? |this |that )?(?:[\w-]+ ){0,2}offer`,
  ]) +
  String.raw`\b`;

/** Growth talk with no concrete goal: the rubric's `vague_goal` words, when about the writer. */
export const VAGUE_GROWTH =
  String.raw`\b` +
  oneOf([
    String.raw`my (?:own )?(?:professional |personal |career |long(?:er)?[- ]term )?` +
      String.raw`(?:growth|development|career|future|progress|progression|path|trajectory|direction|next steps?|options|prospects|potential)` +
      String.raw`(?! plan)`,
    String.raw`(?:i|me|myself)(?:'d|'m|'ve)? (?:\w+ ){0,3}?` +
      String.raw`(?:grow|progress|develop|advance|level up|move up|get ahead|step up|stretch myself|go from here)` +
      String.raw`\b(?! (?:the|a|an|our|this|that|my) )`,
    String.raw`(?:the|my|a) next (?:step|move|chapter)(?! (?:on|in|for|of|with) (?:the|this|our|that))`,
    String.raw`(?:career|development|growth|progression) ` +
      String.raw`(?:conversation|chat|discussion|talk|growth|development|progression|path|plan|options|direction)`,
    String.raw`career-?wise`,
    String.raw`(?:be |get )?more involved (?:in|with)`,
    String.raw`(?:a )?(?:path|way|route) (?:forward|ahead|up) for me`,
    String.raw`(?:a|any) (?:future|path|route) for me`,
    String.raw`a (?:proper |real |quick )?career (?:conversation|chat)`,
    String.raw`(?:more|new|bigger) (?:responsibilit\w+|challenges?|growth|opportunities|scope|remit)`,
    String.raw`ready for more`,
    String.raw`(?:do|take on|get|doing) more (?:[\w-]+ ){0,2}?(?:work|projects|stuff)`,
    String.raw`growth opportunit\w+`,
    String.raw`opportunities (?:to|for) (?:grow|growth|develop|progress)`,
    String.raw`where (?:do )?i go from here`,
    String.raw`what'?s next for me`,
    String.raw`where i'?m (?:headed|heading|going)`,
    String.raw`plateau\w*|stagnat\w+`,
    String.raw`(?:longer|long)[- ]term (?:future|plans?|direction|career)`,
    String.raw`professional development|personal development`,
    String.raw`take (?:my career|myself|things) to the next level`,
  ]);

/** A goal the two already agreed: "the goal we set in March", "the development plan we wrote". */
export const AGREED_GOAL =
  String.raw`\b` +
  oneOf([
    String.raw`(?:the|my|our) (?:[\w-]+ ){0,2}(?:goals?|plan|plans|path|objectives?|targets?|roadmap) ` +
      String.raw`(?:that )?(?:we|you and i|you and me|i) ` +
      oneOf([
        String.raw`set|agreed|discussed|talked about|wrote|made|put together|defined|drew up`,
        String.raw`mapped out|came up with|landed on|created|outlined|shaped`,
      ]),
    String.raw`my (?:development|growth|career|promotion|progression|learning) plan`,
  ]) +
  String.raw`\b`;
