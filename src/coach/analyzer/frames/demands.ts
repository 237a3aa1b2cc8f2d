import type { Doc } from '../doc.js';
import { irrealisAt, negatedAt, quotedAt } from '../negation.js';
import { hitsIn, re } from '../pattern.js';
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
  String.raw`\b(?:i (?:really |truly |definitely |clearly |honestly |absolutely |think i |feel i |believe i )?(?:deserve|merit)|i'?ve (?:more than |definitely |clearly |really |already |surely )?earned|i'?m (?:owed|entitled|due (?:a|for|my))|(?:you|the company|they) owes? me|it'?s (?:only )?(?:fair|right) (?:that )?(?:i|for me)|it'?s (?:about|high|past) time (?:i|that i|you|for me)|i'?m (?:way |long |well |more than )?overdue|i should (?:have )?(?:already )?(?:have )?been (?:promoted|given|paid|made|put)|i shouldn'?t have to (?:ask|wait|chase|beg|keep asking|fight)|(?:more|better) than anyone (?:else )?(?:here|on the team|in the team)?|i (?:demand|insist on|insist that)|i won'?t (?:accept|settle for|tolerate) (?:anything|less|a no|no)|nothing less than|non-?negotiable|not negotiable)`,
);
// "I expect to be made team lead", "I expect a raise": the writer's reward, not a forecast.
const EXPECTS_REWARD = re(String.raw`\bi (?:fully |really )?expect (?:to (?:be|get|receive|have|see)|a|an|my|the|you to (?:promote|give|pay|back|match|make)) (?:[\w'-]+ ){0,5}?(?:${GOAL_CUE}|promoted|paid|made|given|recognised|recognized)`);
const THREAT = re(
  String.raw`\b(?:(?:or|otherwise)(?: else)?,? (?:i'?ll|i will|i'?m|i am|i'?d|i would|i have to|i might|i may|i'?m going to)(?: have to| be| start| need to)? (?:leave|leaving|quit|quitting|resign|resigning|walk|walking|out|gone|done|take (?:it|the offer|that offer|them up|this)|start looking|look(?:ing)? elsewhere|look(?:ing)? for|go(?:ing)? (?:elsewhere|to)|escalate|move on|find|consider)|(?:or|otherwise) (?:leave|quit|resign|walk)\b|or else\b|either i get|i'?ll (?:have to |be forced to |need to |be )?(?:start(?:ing)? looking|look(?:ing)? elsewhere|look(?:ing)? for (?:another|a new|other|something)|leav(?:e|ing)|quit(?:ting)?|resign(?:ing)?|walk(?:ing)? (?:out|away)|hand(?:ing)? in my notice|consider(?:ing)? my (?:position|options|future)|explor(?:e|ing) (?:other|my) options|go(?:ing)? elsewhere|find(?:ing)? (?:another|a new|something else|a different)|take (?:the|their|that) (?:other )?offer|tak(?:e|ing) (?:it|this|this matter|the matter) (?:to|up with|higher|further)|go(?:ing)? (?:over your head|to (?:the |your |our )?(?:director|hr|vp|ceo|board|union|head|boss|skip|md|partners?|ombudsman|tribunal|lawyer|senior management|leadership|top|regional|area)))|(?:escalate|take) (?:this|it) (?:to|above|over) (?:your|hr|the|skip)|go over your head|(?:i have|i'?ve got|i got|i'?m holding) (?:an|another|a competing|a better|other|two|a) (?:job )?offers?|(?:other|another) (?:companies|company|employers?|firms?) (?:would|will|are|is) (?:happy to )?(?:pay|paying|offering|offer)|recruiters are (?:calling|chasing|messaging)|last chance|final warning|this is (?:my|your) (?:last|final)|i'?m done (?:waiting|asking)|i want an answer by|i need an answer by|(?:by|before) (?:friday|monday|the end of the (?:week|month)|end of (?:week|month)) or)`,
);

/** Sentences making an ultimatum, a threat or a claim of entitlement in the writer's own voice. */
export function findDemands(doc: Doc): Sentence[] {
  return doc.sentences.filter((s) =>
    [ENTITLEMENT, EXPECTS_REWARD, THREAT].some((p) =>
      hitsIn(s, p).some((h) => !negatedAt(s.text, h.index, 4) && !irrealisAt(s.text, h.index) && !quotedAt(s.text, h.index) && !quotedAt(s.text, h.end - 1)),
    ),
  );
}
