import type { Doc } from '../doc.js';
import { irrealisAt, negatedAt, quotedAt } from '../negation.js';
import { anyHit, anyOf, re } from '../pattern.js';
import type { Sentence } from '../sentences.js';
import { GOAL_CUE } from './goal-vocabulary.js';

/**
 * Demanding (rubric pitfall): an ultimatum or threat (to leave, to escalate) or a claim of
 * entitlement. Only the writer's own: "I don't want this to sound like an ultimatum", "not that I
 * deserve it", "my old manager threatened to quit", "the client said 'fix it or we walk'" are not.
 * "I expect" is entitlement only when what is expected is the writer's reward ("I expect to be
 * made team lead"), not a forecast ("I expect the shipment by noon").
 */

const ENTITLEMENT = re(
  String.raw`\b(?:i (?:really |truly |definitely |clearly |honestly |absolutely |think i |feel i |believe i )?(?:deserve|merit)|i'?ve (?:more than |definitely |clearly |really |already |surely )?earned|i'?m (?:owed|entitled|due (?:a|for|my))|(?:you|the company|they) owes? me|it'?s (?:only )?(?:fair|right) (?:that )?(?:i|for me)|it'?s (?:about|high|past) time (?:i|that i|you|for me)|i'?m (?:way |long |well |more than )?overdue|i should (?:have )?(?:already )?(?:have )?been (?:promoted|given|paid|made|put)|i shouldn'?t have to (?:ask|wait|chase|beg|keep asking|fight)|(?:more|better) than anyone (?:else )?(?:here|on the team|in the team)?|i (?:demand|insist on|insist that)|i won'?t (?:accept|settle for|tolerate) (?:anything|less|a no|no)|nothing less than|non-?negotiable|not negotiable|(?:is|should be|'s) (?:rightfully )?mine(?: by rights)?|by rights|rightfully mine|i expect (?:a|an|my|some) (?:proper |real |clear |fair |straight |decent |serious |firm |written |formal |definite )?(?:answer|decision|response|conversation|commitment|explanation|apology|raise|promotion|review|plan|date|timeline|meeting|discussion|development conversation)|i expect you to)`,
);
// "I expect to be made team lead", "I expect a raise": the writer's reward, not a forecast.
const EXPECTS_REWARD = re(String.raw`\bi (?:fully |really )?expect (?:to (?:be|get|receive|have|see)|a|an|my|the|you to (?:promote|give|pay|back|match|make)) (?:[\w'-]+ ){0,5}?(?:${GOAL_CUE}|promoted|paid|made|given|recognised|recognized)`);
const THREAT = re(
  String.raw`\b(?:(?:or|otherwise)(?: else)?,? (?:i'?ll|i will|i'?m|i am|i'?d|i would|i have to|i might|i may|i'?m going to)(?: have to| be| start| need to)? (?:leave|leaving|quit|quitting|resign|resigning|walk|walking|out|gone|done|take (?:it|the offer|that offer|them up|this)|start looking|look(?:ing)? elsewhere|look(?:ing)? for|go(?:ing)? (?:elsewhere|to)|escalate|move on|find|consider)|(?:or|otherwise) (?:leave|quit|resign|walk)\b|(?:or|otherwise)(?: else)?,? i (?:walk|quit|leave|resign|go|walk out|'m out|'m gone|'m done)\b|or else\b|either i get|i'?ll (?:have to |be forced to |need to |be )?(?:start(?:ing)? looking|look(?:ing)? elsewhere|look(?:ing)? for (?:another|a new|other|something)|leav(?:e|ing)(?! (?:it|this|that|them|the|early|at|for|now|a|on|work|him|her)\b)|quit(?:ting)?|resign(?:ing)?|walk(?:ing)? (?:out|away)|hand(?:ing)? in my notice|consider(?:ing)? my (?:position|options|future)|explor(?:e|ing) (?:other|my) options|go(?:ing)? elsewhere|find(?:ing)? (?:another|a new|something else|a different)|take (?:the|their|that) (?:other )?offer|tak(?:e|ing) (?:it|this|this matter|the matter) (?:to|up with|higher|further)|start (?:interviewing|applying|looking)(?: elsewhere| around)?|interview(?:ing)? elsewhere|apply(?:ing)? elsewhere|escalat(?:e|ing) (?:it|this|that|the matter|things)(?! to (?:the )?(?:vendor|supplier|support|it|helpdesk))|go(?:ing)? (?:over your head|to (?:the |your |our )?(?:director|hr|vp|ceo|board|union|head|boss|skip|md|partners?|ombudsman|tribunal|lawyer|senior management|leadership|top|regional|area)))|(?:escalate|take) (?:this|it) (?:to|above|over) (?:your|hr|the|skip)|go over your head|(?:i have|i'?ve got|i got|i'?m holding|i'?ve had|i had|i'?ve received|i received|i'?ve been made) (?:an|another|a competing|a better|other|two|a) (?:job )?offers?|(?:i'?d rather stay|i want to stay|i'?d like to stay|i'?d prefer to stay),? but not (?:at|for|on|with)|(?:other|another) (?:companies|company|employers?|firms?) (?:would|will|are|is) (?:happy to )?(?:pay|paying|offering|offer)|recruiters are (?:calling|chasing|messaging)|last chance|final warning|this is (?:my|your) (?:last|final)|i'?m done (?:waiting|asking)|i want an answer by|i need an answer by|(?:by|before) (?:friday|monday|the end of the (?:week|month)|end of (?:week|month)) or)`,
);

// Words every entitlement, reward or threat pattern above contains.
const MAY_DEMAND = anyOf([
  'deserve', 'merit', 'earned', 'owed', 'entitled', 'due', ' owe', 'fair', 'right', 'time', 'overdue', 'should', 'than anyone',
  'demand', 'insist', 'accept', 'settle', 'tolerate', 'less', 'negotiable', 'mine', 'expect', 'or ', 'otherwise', 'either',
  "i'll", 'ill ', 'i will', 'offer', 'compan', 'employer', 'firm', 'recruiter', 'last chance', 'final', 'done', 'answer by',
  'escalat', 'over your head', 'take it', 'take this', 'by friday', 'by monday', 'before friday', 'end of',
  'rather stay', 'want to stay', 'like to stay', 'prefer to stay',
]);

/** Sentences making an ultimatum, a threat or a claim of entitlement in the writer's own voice. */
export function findDemands(doc: Doc): Sentence[] {
  return doc.sentences.filter((s) =>
    MAY_DEMAND(s.text) &&
    [ENTITLEMENT, EXPECTS_REWARD, THREAT].some((p) =>
      anyHit(s, p, (h) => !negatedAt(s, h.index, 4) && !irrealisAt(s, h.index) && !quotedAt(s, h.index) && !quotedAt(s, h.end - 1)),
    ),
  );
}
