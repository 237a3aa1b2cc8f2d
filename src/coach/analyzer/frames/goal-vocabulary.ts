import { alt } from '../pattern.js';

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
const NOT_A_ROLE_AFTER = String.raw`(?! (?:team(?! lead| leader)|vide|room|meeting|meetings|party|parties|survey|shortages?|levels|handbook|time|list|update|call|sync|offsite|away ?day|night|kitchen|car ?park|canteen|training day|leadership team|team meeting|sign-?off|approval|review of)\b)(?!-)`;
const LEVELS = String.raw`(?:(?:l|e|ic|p|m|g|b)\d{1,2}|(?:band|level|grade|tier) \d{1,2}[a-z]?|grade [a-h]\b|senior-level|next (?:level|band|grade|rung|title|role|job))`;
// Head nouns of a role or a career step: "the deputy title", "a secondment", "the partnership track".
// A head noun after a content word: "the senior buyer role", "the partnership track". The head is
// matched first and the word before checked by lookbehind, which is far cheaper than trying every word.
const MODIFIED_HEAD = String.raw`(?<=[\w-] )(?<!\b(?:about|for|the|a|an|to|of|on|in|at|with|my|your|our|this|that|into|from|by|as|is|be|get|and|or) )(?:role|position|post|title|track|seat|job)`;
const HEADS = String.raw`(?:${MODIFIED_HEAD}|(?:secondment|transfer|apprenticeship|ticket|command upgrade|captaincy|fellowship|qualification|certification|certificate|chartership|accreditation|licen[cs]e|degree|mba|phd|diploma|masters|leadership (?:programme|program|course|scheme))|(?:programme|program|scheme) for (?:new |future |aspiring )?(?:managers|leaders))`;
const BAD_HEAD_MODIFIERS = String.raw`(?<!\b(?:good|great|better|decent|fine|proper|bad|blog|linkedin|side|day|odd|the whole|a|on|off|keep|back|fast|inside|first|this|that) (?:role|position|post|title|track|job))`;
const PAY = String.raw`(?:(?:a|the|my|any|for|pay|salary|small|decent|proper|this|that|another) raise|raise (?:conversation|discussion|request)|pay ?rise|(?:a|my|the) rise\b|pay (?:bump|increase|review|band|bands|grade|adjustment|uplift|progression)|salary|compensation|comp (?:review|bump|increase|band)|more money|paid more|(?:a|my) bonus|equity|stock options|counter-?offer|(?:match|beat) (?:the |their |an? |this |that )?(?:[\w-]+ ){0,2}offer|market rate|\d+ ?% (?:bump|rise|raise|increase|uplift)|(?:bump|uplift|increase) in (?:my )?(?:pay|salary))`;
const PROMOTION = String.raw`(?:promot(?:ed|ion|ions|e)\b|promo\b|(?:put|putting) (?:me |my name )?(?:up|forward) for|title (?:change|bump|upgrade))`;
const MOVE = String.raw`(?:qualify(?:ing)? into [\w-]+|(?:move|moving|transfer|transferring|switch|switching|rotate|rotating|transition|transitioning|pivot|pivoting|branch|branching|crossover) (?:from (?:the |my |a )?(?:[\w-]+ ){1,3}?)?(?:over |across |back |sideways |out |up )?(?:to|into|onto|in to|toward|towards) (?!(?:it|that|this|them|you|me|thursday|friday|monday|tuesday|wednesday|tomorrow|next week|a different time|another time|bay|the meeting)\b)|(?:go|going|get|getting|step|stepping|break|breaking|move|moving) (?:in)?to (?:management|people management|leadership|product|product management|project management|engineering|sales|marketing|design|data|data science|research|teaching|consulting|consultancy|ux|ml|ai|security|finance|hr|operations|ops|policy|academia|industry|analytics|compliance|audit|events|training|qa|testing|devops|strategy|tax|law|nursing|recruitment|procurement|logistics|account management|customer success|l&d|education|[\w-]+ (?:writing|design|analysis|analytics|engineering|management|research|strategy|nursing|teaching)\b|the [\w-]+ (?:team|side|world|field|track|department|office))|(?:the|my|a) (?:[\w-]+ )?(?:move|transfer|switch|secondment|transition|sideways move) (?:to|into|onto|over to)|\bjoin(?:ing)? (?:the )?(?:[\w-]+ ){1,2}team|(?:go|going|get|getting) on (?:to )?the (?:[\w-]+ )?job market|me moving (?:to|into|over)|(?<=\bput me (?:on|onto|in|into) )(?:the )?(?:[\w-]+ ){1,2}(?:team|desk|unit|ward|side))`;
const SKILL = String.raw`(?:(?:get|getting|become|becoming) (?:better|stronger|more confident|more fluent|fluent|proficient|certified|qualified|chartered|accredited|good)(?! (?:at |in |with )?(?:the job|my job|the role|my role|it|things|what i do|everything|the work|my work)\b) (?:at|in|with)?|(?:learn|learning) (?!(?:more|about|from|how|what|why|a lot|the ropes|that|this|it)\b)[\w-]+|skills?\b|(?:experience|exposure|expertise|grounding) (?:in|with|of|on)|speciali[sz]\w*|upskill\w*|(?:improve|improving|build|building|develop|developing|strengthen\w*|deepen\w*|sharpen\w*|work on) (?:my )?(?:[\w-]+ ){0,2}(?:skills?|chops|abilit\w+|confidence|fluency|writing|presenting|presentation|public speaking|communication|leadership|negotiation|coaching|management|technical depth|craft|expertise)|public speaking|(?:get|do|complete|finish|take|sit|pass|earn|start|study for) (?:my|a|the|an) (?:[\w-]+ ){0,2}(?:qualification|exam|exams|certificat\w*|course|degree|diploma|licen[cs]e|accreditation|chartership|mba|masters|phd))`;
const LEAD_PROJECT = String.raw`(?:(?:lead|leading|run|running|own|owning|head|heading|spearhead|spearheading|drive|driving|chair|chairing|manage|managing) (?:up )?(?:my own|a|an|the|our|this|that|next year's|next quarter's|[\w-]+'s) (?!(?:meeting|meetings|standup|stand-up|numbers|report|errand|risk)\b)[\w-]+)`;
const WORK_LIFE = String.raw`(?:(?:go|going|drop|dropping|switch|switching|cut|cutting|move|moving|come|coming) (?:down |back )?to (?:four|4|three|3|two|2) days|off (?:nights|night shifts|weekends|the night rota|lates)\b|(?:four|4|three|3)[- ]day (?:work(?:ing)? )?week|(?:four|4|three|3) days (?:a|per) week|drop (?:to|down to) (?:[\w-]+ )?(?:days|hours)|part[- ]time|(?:work|working) (?:fully )?remote(?:ly)?|remote (?:work|working|role|job|contract)|go(?:ing)? remote|fully remote|(?:work|working) from home|wfh|hybrid (?:working|pattern|schedule|role|contract)|flexible (?:hours|working|schedule|pattern|arrangement)|compressed (?:hours|week)|(?:fewer|reduced?|shorter) (?:hours|days|weeks)|reduce my hours|sabbatical|career break|relocat\w+|job[- ]share|nine-day fortnight|(?:term|school)[- ]time (?:only|contract|hours)|(?:fewer|less) (?:night shifts|nights|weekends|on-call|travel|overtime))`;
const BECOME = String.raw`(?:becom(?:e|ing) (?:a|an|the) [\w-]+|be (?:a|an) (?!(?:bit|little|lot|good|great|problem|pain|bother|burden|nuisance|part|chance|way|help|team player|fly)\b)[\w-]+ (?:[\w-]+ )?(?:manager|lead|leader|director|partner|engineer|nurse|teacher|consultant|trainer|specialist|analyst|architect|designer|owner|supervisor|head|coordinator|officer|scientist|developer|researcher))`;

/** A concrete career goal, anywhere in folded text (still to be tied to the writer). */
export const GOAL_CUE = String.raw`\b(?:${alt(TITLES)}${NOT_A_ROLE_AFTER}\b|${LEVELS}|${HEADS}\b${BAD_HEAD_MODIFIERS}|${PAY}|${PROMOTION}|${MOVE}|${SKILL}|${LEAD_PROJECT}|${WORK_LIFE}|${BECOME})`;

/**
 * Words before a goal that make it the writer's own: wanting, aiming, asking, deserving, being
 * considered or backed for it, getting closer to it. Without one, "Sarah got promoted to senior"
 * or "the lead role went to Kim" names someone else's goal.
 */
export const GOAL_LINK = String.raw`\b(?:(?:still )?(?:haven'?t|have not|hasn'?t|never) (?:had|got|gotten|been given|been offered|received|seen)|still no|no sign of|open to me|ok with me|okay with me|fine with me|mind if i|i'?m after|i am after|going after|make me|made|want|wanna|wanted to|(?:would|'?d) (?:really |also |very much |quite |so |genuinely )*(?:like|love)|love to|like to|expect|expecting|request|requesting|owed|due|interest\w*|missing for|needed for|need for|required for|qualify for|eligible for|hope|hoping|aim|aiming|aspire|aspiring|plan to|planning to|planning on|trying to|try to|grow into|growing into|preparing to|preparing for|prepare for|i'?ll need|i will need|i'?d need|intend|intending|goal|goals|ambition|dream|keen|eager|interested|excited|ready for|ready to|see myself|picture myself|working toward|working towards|work toward|work towards|go for|going for|gunning for|set my sights on|in the running|considered|consider me|put my name|name forward|put me (?:forward|up)|be put (?:forward|up)|apply|applying|application|throw my hat|push for|pushing for|targeting|next step|next move|longer term|long-term|long term|eventually|one day|someday|end up|get to|getting to|reach|make it to|move up to|step up to|closer to|toward|towards|on the way to|path to|route to|between me and|me for|back me|backing me|support my|sponsor me|my case for|deserve|earned|expect to be|expecting to be|should be|overdue|either i get|talk about|chat about|talk through|discuss|discussing|conversation about|ask about|asking about|asked (?:[\w-]+ ){0,3}?(?:about|for)|hear (?:back )?(?:about|on)|news (?:on|about)|an? (?:answer|update|decision) (?:on|about)|ask for|asking for|bring up|pick up the|revisit|where i am on|before i could|for me to|chance of|chance to|path for me|possible for me|could i|can i|let me|i need|over me|instead of me|i get|i got to|my aim is|my goal is|my plan is|my (?:[\w-]+ )?wish is|wish to|wishing to|i (?:don'?t|do not) get|either i'?m|(?:whether|if) i (?:could|can|might)|put me (?:on|onto|in|into)|putting me|check(?:-| )?in (?:[\w-]+ ){0,4}?on|check back (?:[\w-]+ ){0,4}?on|need to see|want to see|like to see|for my)\b`;
/** "For the senior role, what would you want to see?": the goal fronted as a topic. */
export const GOAL_TOPIC = String.raw`^for the\b`;

/** Right after a goal, words that tie it to the writer: "the team lead goal", "the charge nurse thing". */
export const GOAL_LINK_AFTER = String.raw`^ *(?:[\w-]+ ){0,2}?(?:goal|thing|conversation|discussion|idea|application|plan|dream|ambition|aspiration|question|over me|instead of me|is (?:my|the) (?:goal|aim|dream|plan)|is what i'?m (?:after|aiming|hoping)|prep|preparation|progress|is mine|should be mine|(?:doesn'?t|does not|won'?t|isn'?t|is not) (?:come through|happen|get approved|approved|materiali[sz]e)|comes through|i (?:most |really )?(?:want|'d like|would like|hope|need) to|is (?:tracking|progressing|coming along|shaping up|realistic)|(?:realistic|possible|doable) for me)\b`;

/** Between the link and the goal, these make it a question of fact ("I just want to understand how the pay bands work"). */
export const INFORMATIONAL = String.raw`\b(?:understand|know|find out|check|see how|ask how|clarify|confirm|hear about|learn how|learn about|how (?:the|it|this|that)|what (?:the|they|she|he))\b`;

/** Goals that are the writer's by their wording alone. */
export const SELF_GOAL = String.raw`\b(?:not (?:at|for|on) (?:this|that|my current|the current|these) (?:salary|pay|rate|money|wage)|my (?:promotion|promo|raise|pay rise|next role|next job|move|transfer|secondment|application|promotion case|promo case|case for)|(?:the|my) (?:promotion|promo) (?:plan|case|packet|conversation|discussion|timeline)|the raise conversation|me moving (?:to|into|over)|(?:match|beat) (?:the |their |an? |this |that )?(?:[\w-]+ ){0,2}offer)\b`;

/** Growth talk with no concrete goal: the rubric's `vague_goal` words, when about the writer. */
export const VAGUE_GROWTH = String.raw`\b(?:my (?:own )?(?:professional |personal |career |long(?:er)?[- ]term )?(?:growth|development|career|future|progress|progression|path|trajectory|direction|next steps?|options|prospects|potential)(?! plan)|(?:i|me|myself)(?:'d|'m|'ve)? (?:\w+ ){0,3}?(?:grow|progress|develop|advance|level up|move up|get ahead|step up|stretch myself|go from here)\b(?! (?:the|a|an|our|this|that|my) )|(?:the|my|a) next (?:step|move|chapter)(?! (?:on|in|for|of|with) (?:the|this|our|that))|(?:career|development|growth|progression) (?:conversation|chat|discussion|talk|growth|development|progression|path|plan|options|direction)|career-?wise|(?:be |get )?more involved (?:in|with)|(?:a )?(?:path|way|route) (?:forward|ahead|up) for me|(?:a|any) (?:future|path|route) for me|a (?:proper |real |quick )?career (?:conversation|chat)|(?:more|new|bigger) (?:responsibilit\w+|challenges?|growth|opportunities|scope|remit)|ready for more|(?:do|take on|get|doing) more (?:[\w-]+ ){0,2}?(?:work|projects|stuff)|growth opportunit\w+|opportunities (?:to|for) (?:grow|growth|develop|progress)|where (?:do )?i go from here|what'?s next for me|where i'?m (?:headed|heading|going)|plateau\w*|stagnat\w+|(?:longer|long)[- ]term (?:future|plans?|direction|career)|professional development|personal development|take (?:my career|myself|things) to the next level)`;

/** A goal the two already agreed: "the goal we set in March", "the development plan we wrote". */
export const AGREED_GOAL = String.raw`\b(?:(?:the|my|our) (?:[\w-]+ ){0,2}(?:goals?|plan|plans|path|objectives?|targets?|roadmap) (?:that )?(?:we|you and i|you and me|i) (?:set|agreed|discussed|talked about|wrote|made|put together|defined|drew up|mapped out|came up with|landed on|created|outlined|shaped)|my (?:development|growth|career|promotion|progression|learning) plan)\b`;
