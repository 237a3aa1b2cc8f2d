import type { Doc } from '../doc.js';
import { irrealisAt, negatedAt, quotedAt } from '../negation.js';
import { anyHit, matches, oneOf, re, union } from '../pattern.js';
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
  String.raw`\b` +
    oneOf([
      String.raw`i (?:really |truly |definitely |clearly |honestly |absolutely |think i |feel i |believe i )?(?:deserve|merit)`,
      String.raw`i(?:'?ve| have) (?:more than |definitely |clearly |really |already |surely )?earned`,
      String.raw`i should be (?:a |an |the )?[\w-]+(?: [\w-]+){0,2} by now`,
      String.raw`it'?s only fair\b(?! to (?:say|ask|add|mention|warn|point))`,
      String.raw`no more waiting`,
      String.raw`i'?m (?:owed|entitled|due (?:a|for|my))`,
      String.raw`(?:you|the company|they) owes? me`,
      String.raw`it'?s (?:only )?(?:fair|right) (?:that )?(?:i|for me)`,
      String.raw`it'?s (?:about|high|past) time (?:i|that i|you|for me)`,
      String.raw`i'?m (?:way |long |well |more than )?overdue`,
      String.raw`i should (?:have )?(?:already )?(?:have )?been (?:promoted|given|paid|made|put)`,
      String.raw`i shouldn'?t have to (?:ask|wait|chase|beg|keep asking|fight)`,
      String.raw`(?:more|better) than anyone (?:else )?(?:here|on the team|in the team)?`,
      String.raw`i (?:demand|insist on|insist that)`,
      String.raw`i (?:won'?t|will not) (?:accept|settle for|tolerate) (?:anything|less|a no|no)`,
      String.raw`nothing less than`,
      String.raw`non-?negotiable`,
      String.raw`not negotiable`,
      String.raw`(?:isn'?t|is not|not|totally|completely) acceptable`,
      String.raw`unacceptable`,
      String.raw`i'?m the only one (?:who|that) (?:hasn'?t|isn'?t|doesn'?t|wasn'?t)`,
      // "That role is mine", not the question "is mine one of the twelve?".
      String.raw`(?:is|should be|'s) (?:rightfully )?mine(?: by rights)?(?=\s*(?:$|[.,!;:)]|(?:and|by|now|already|really|anyway)\b))`,
      String.raw`by rights`,
      String.raw`rightfully mine`,
      String.raw`i expect (?:a|an|my|some) (?:proper |real |clear |fair |straight |decent |serious |firm |written |formal |definite )?` +
        oneOf([
          String.raw`answer|decision|response|conversation|commitment|explanation|apology|raise`,
          String.raw`promotion|review|plan|date|timeline|meeting|discussion`,
          String.raw`development conversation`,
        ]),
      String.raw`i expect you to`,
      // "I expect it to count in my appraisal", "I expect that bonus now", "Now I expect you move me to the line team".
      String.raw`i(?:'d)? (?:fully |really )?expect (?:this|that|it|them) to ` +
        String.raw`(?:be (?:considered|reflected|recognised|recognized|counted|taken into account|mentioned)|count|show up|reflect)`,
      String.raw`i expect (?:that|the|my) (?:[\w-]+ ){0,2}?(?:bonus|promotion|title|raise|pay rise)`,
      String.raw`i expect you (?:to )?(?:move|put|give|promote|make) me`,
    ]),
);
// "I expect to be made team lead", "I expect a raise": the writer's reward, not a forecast.
const EXPECTS_REWARD = re(
  String.raw`\bi (?:fully |really )?expect (?:to (?:be|get|receive|have|see)|a|an|my|the|some|you to (?:promote|give|pay|back|match|make)) ` +
    String.raw`(?:[\w'-]+ ){0,5}?(?:${GOAL_CUE}|promoted|paid|made|given|recognised|recognized|put in charge|let off|progression)`,
);
const THREAT = re(
  String.raw`\b` +
    oneOf([
      String.raw`(?:or|otherwise)(?: else)?,? (?:i'?ll|i will|i'?m|i am|i'?d|i would|i have to|i might|i may|i'?m going to)` +
        String.raw`(?: have to| be| start| need to)? ` +
        oneOf([
          String.raw`leave|leaving|quit|quitting|resign|resigning|walk|walking|out|gone|done`,
          String.raw`take (?:it|the offer|that offer|them up|this)`,
          String.raw`taking (?:it|this|that|the matter) (?:to|up with|higher|further)`,
          String.raw`going (?:to|over your head)`,
          String.raw`start looking`,
          String.raw`look(?:ing)? elsewhere`,
          String.raw`look(?:ing)? for`,
          String.raw`go(?:ing)? (?:elsewhere|to)`,
          String.raw`escalate|move on|find|consider`,
        ]),
      String.raw`(?:or|otherwise) (?:leave|quit|resign|walk)\b`,
      // "or I'm on to head office", "or I start looking at other MROs", "If not I'm taking the co-op job".
      String.raw`(?:or|otherwise),? i'?m on to\b`,
      String.raw`(?:or|otherwise),? i start (?:looking|taking|applying|interviewing)\b`,
      String.raw`if not,? i'?m taking (?:the|that|a|an) (?:[\w-]+ ){0,2}?(?:job|offer|role|position)\b`,
      String.raw`i'?ll (?:have to )?look (?:at|into) (?:the agency|agency work|other (?:jobs|offers|options)|my options)\b`,
      String.raw`(?:or|otherwise)(?: else)?,? i (?:walk|quit|leave|resign|go|walk out|'m out|'m gone|'m done)\b`,
      String.raw`or else\b`,
      // "if the remote days go, I'm out": a condition, then leaving. "I'm out at the client till 3" is no threat.
      String.raw`if\b[^.?!]{3,80}?,? i'?m (?:out|gone|leaving|walking|off)\b` +
        String.raw`(?! (?:of|for|at|on|in|until|till|today|tomorrow|tonight|this|next|from|with|sick|early|home|to|now|work)\b)`,
      String.raw`either i get`,
      String.raw`i'?ll (?:have to |be forced to |need to |be )?` +
        oneOf([
          String.raw`start(?:ing)? looking`,
          String.raw`look(?:ing)? elsewhere`,
          String.raw`look(?:ing)? for (?:another|a new|other|something)`,
          // "I'll leave you to it" is a goodbye, not a threat to leave.
          String.raw`leav(?:e|ing)(?! (?:it|this|that|them|the|early|at|for|now|a|on|work|him|her|you|u|ya)\b)`,
          String.raw`quit(?:ting)?`,
          String.raw`resign(?:ing)?`,
          String.raw`walk(?:ing)? (?:out|away)`,
          String.raw`hand(?:ing)? in my notice`,
          String.raw`consider(?:ing)? my (?:position|options|future)`,
          String.raw`explor(?:e|ing) (?:other|my) options`,
          String.raw`go(?:ing)? elsewhere`,
          String.raw`find(?:ing)? (?:another|a new|something else|a different)`,
          String.raw`take (?:the|their|that) (?:other )?offer`,
          String.raw`tak(?:e|ing) (?:it|this|this matter|the matter) (?:to|up with|higher|further)`,
          String.raw`start (?:interviewing|applying|looking)(?: elsewhere| around)?`,
          String.raw`interview(?:ing)? elsewhere`,
          String.raw`apply(?:ing)? elsewhere`,
          String.raw`escalat(?:e|ing) (?:it|this|that|the matter|things)(?! to (?:the )?(?:vendor|supplier|support|it|helpdesk))`,
          String.raw`(?:go(?:ing)?|talk(?:ing)?|speak(?:ing)?|complain(?:ing)?) ` +
            oneOf([
              String.raw`over your head`,
              String.raw`to (?:the |your |our )?` +
                oneOf([
                  String.raw`director|hr|vp|ceo|board|union|head|boss|skip|md|partners?|ombudsman|tribunal`,
                  String.raw`lawyer|senior management|leadership|top|regional|area`,
                ]),
            ]),
        ]),
      // The writer escalating, not "if you like it, you take it to the partners".
      String.raw`(?<!\byou )(?<!\byou'll )(?<!\byou could )(?<!\byou can )(?:escalate|take) (?:this|it) (?:to|above|over) (?:your|hr|the|skip)`,
      String.raw`go over your head`,
      String.raw`(?:i have|i'?ve got|i got|i'?m holding|i'?ve had|i had|i'?ve received|i received|i'?ve been made) ` +
        String.raw`(?:an|another|a competing|a better|other|two|a) (?:job )?offers?`,
      String.raw`(?:i'?d rather stay|i want to stay|i'?d like to stay|i'?d prefer to stay),? but not (?:at|for|on|with)`,
      String.raw`(?:other|another) (?:companies|company|employers?|firms?) (?:would|will|are|is) (?:happy to )?(?:pay|paying|offering|offer)`,
      String.raw`recruiters are (?:calling|chasing|messaging)`,
      String.raw`last chance`,
      String.raw`final warning`,
      String.raw`this is (?:my|your) (?:last|final)`,
      String.raw`i'?m done (?:waiting|asking)`,
      String.raw`i want an answer by`,
      String.raw`i need an answer by`,
      String.raw`(?:by|before) (?:friday|monday|the end of the (?:week|month)|end of (?:week|month)) or`,
    ]),
);

// A threat is usually the consequence of a condition ("if the overtime isn't paid by Friday, I'm
// going to the union"), so these are not set aside as hypothetical the way other claims are.
const ESCALATES = re(
  String.raw`\b` +
    oneOf([
      String.raw`(?:i'?m|i am|i'?ll|i will|i shall) (?:be )?` +
        oneOf([
          String.raw`going|go`,
          String.raw`taking (?:it|this|the matter)`,
          String.raw`report(?:ing)? (?:it|this|the matter)`,
          String.raw`escalat(?:e|ing)(?: (?:it|this|the matter))?`,
          String.raw`talking`,
        ]) +
        String.raw` (?:straight |directly )?(?:to|over) (?:the |your )?` +
        String.raw`(?:hr|union|md|director|ceo|board|ombudsman|tribunal|lawyer|solicitor|head office|senior management|your head)\b(?! ` +
        oneOf([
          String.raw`anyway|later|today|tomorrow|tonight`,
          String.raw`this (?:morning|afternoon|evening)`,
          String.raw`meeting|office|rep`,
          String.raw`to (?:drop|hand|pick|get|ask|collect|sign)`,
        ]) +
        String.raw`\b)`,
      String.raw`(?:i'?m|i am) (?:gonna|going to) (?:start )?` +
        oneOf([
          String.raw`interview\w*`,
          String.raw`look\w* (?:elsewhere|around|for (?:another|a new|other))`,
          String.raw`apply\w* (?:elsewhere|for other)`,
          String.raw`hand in my notice|quit|leave|resign`,
        ]),
      String.raw`(?:i will|i'?ll|i shall) raise (?:it|this|the matter) with (?:the )?(?:governors|board|director|hr|union|head|md|ceo)`,
      String.raw`(?:i will|i'?ll|i shall) (?:be )?report(?:ing)? (?:the matter|this|it) to ` +
        String.raw`(?:hr|the md|the union|the board|the director|head office|senior management)`,
    ]),
);

// The condition that makes it a threat: "if it isn't paid by Friday", "unless", "either ... or".
const CONDITION_BEFORE = /\b(?:if|unless|otherwise|or else|either|or)\b/;

// All of them in one pass: most sentences have none.
const ANY_DEMAND = union(ENTITLEMENT, EXPECTS_REWARD, THREAT, ESCALATES);

/** Sentences making an ultimatum, a threat or a claim of entitlement in the writer's own voice. */
export function findDemands(doc: Doc): Sentence[] {
  return doc.sentences.filter(
    (s) =>
      matches(s.text, ANY_DEMAND) &&
      ([ENTITLEMENT, EXPECTS_REWARD, THREAT].some((p) =>
        anyHit(s, p, (h) => !negatedAt(s, h.index, 4) && !irrealisAt(s, h.index) && !quotedAt(s, h.index) && !quotedAt(s, h.end - 1)),
      ) ||
        anyHit(s, ESCALATES, (h) => CONDITION_BEFORE.test(s.text.slice(0, h.index)) && !quotedAt(s, h.index))),
  );
}
