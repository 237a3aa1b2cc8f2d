/**
 * The words that signal the conversational acts no rubric check covers: wrapping up, small talk,
 * asking after the other person, pushing back, grudging agreement. Vocabulary as data: each cue
 * carries the sentences it must read as the act and the ones it must not, and the tests hold it
 * to both (`act-cue-examples.ts`, kept out of the runtime bundle). Patterns run on one folded
 * sentence (lower case, plain apostrophes).
 */
export interface ActCue {
  patterns: readonly string[];
}

export const CUES = {
  wraps_up: {
    patterns: [
      // A sentence that is only thanks ("ok thanks!", "cheers Helen"); thanks with more in it is the `thanks` cue.
      String.raw`^(?:(?:ok(?:ay)?|great|perfect|brilliant|cool|sounds good|right|lovely)[ ,!.-]*)?` +
        String.raw`(?:thanks|thank you|cheers|ta)(?:,? (?:so much|a lot|again|\w+))?[ ,!.]*$`,
      // "See you" as a goodbye, not "I need to see you coach them".
      String.raw`\b(?:bye|goodbye|(?:see (?:you|ya|u))(?= *(?:$|[,.!;:)-]| (?:then|soon|later|around|there|all)))|talk (?:soon|then|later|to you)(?! about))`,
      String.raw`\bspeak (?:soon|then|to you|later|tomorrow|next \w+|(?:on )?\w+day)\b`,
      String.raw`\b(?:catch you (?:later|then)|have a (?:good|nice|lovely) (?:one|day|weekend|evening|lunch|afternoon|rest of (?:the|your) (?:day|week)))\b`,
      String.raw`\b(?:let's|lets|we can|i'll) (?:leave it|call it|wrap (?:it )?up|stop) (?:there|here|for (?:now|today))\b`,
      String.raw`\b(?:that's|thats) (?:all|it|everything) (?:from me|for (?:now|today)|i (?:had|wanted))\b`,
      // The answer to "anything else?" that ends the meeting: "nah, that's it", "no, that's everything from me", "that's me".
      String.raw`^(?:(?:no|nah|nope|naw|ok(?:ay)?|right|so)[ ,.!-]*)?(?:that's|thats|that is) (?:it|all|everything|me)` +
        String.raw`(?: (?:really|then|i think|for me|from me|done))?(?:[ ,.!-]+(?:thanks|thank you|cheers|ta)(?: \w+)?)?[ ,.!]*$`,
      String.raw`\bi(?:'ll| will|ll) let (?:you|u) (?:go|get back|get on)\b|\bi (?:won't|wont|will not) keep (?:you|u)\b`,
      String.raw`\b(?:gotta go|got to go|have to (?:run|dash|go)|need to (?:run|dash)|i'll leave you to it|until next time|ttyl)\b`,
      // Chat and second-language sign-offs: "k gtg ty", "Ok, I go now, have good day."
      String.raw`\b(?:gtg|g2g|gotta run|cya|i (?:go|leave|must go) now(?=\s*(?:$|[,.!;]))|have (?:a )?(?:good|nice) (?:day|evening|weekend))\b`,
      String.raw`\b(?:going|heading) (?:home|off|back)\b|\bback to (?:my desk|work|it|the (?:floor|ward|shop))\b`,
      String.raw`\b(?:catch (?:you|u|ya)|see (?:you|u|ya)|speak to (?:you|u)) (?:at|in|on|after|tomorrow|next)\b|\b(?:we're|were|i'm) done\b`,
      String.raw`\b(?:right|ok(?:ay)?|anyway),? (?:i'm|im|i am) off\b`,
      // Sign-offs people write: "take care", "laters", "nice chatting", "signing off", "off you go", "we are done for today".
      String.raw`\b(?:take care(?! of)|enjoy (?:the rest of|your (?:lunch|weekend|evening|break|day)|lunch|the weekend))\b`,
      String.raw`\b(?:laters|later then|ta-ra|tara|cheerio|bye for now)\b|^later[.!]*$|^go\W*[—–-]\s`,
      String.raw`\b(?:good luck (?:with|at|in|today|tomorrow)|(?:i'll|ill|i will) leave you to (?!(?:decide|choose|pick|think|judge)\b)|get out of your hair)`,
      String.raw`\b(?:nice (?:chatting|talking|to chat)|good (?:chat|talk)(?: today)?[ ,!.]*$|signing off|off you go)\b`,
      String.raw`\b(?:you'll|you will|youll) be late\b|\b(?:don't|dont) let me keep you\b|^(?:go|off you go)[, ]+go\b`,
      // "Go, before somebody bleeps you.", "go get your signature", "Go on so, before the lorry beats you to it."
      String.raw`^go(?: on)?(?: so| then| now)?[, ]+before\b|\bgo (?:get|grab|enjoy|do|catch|sort|finish|prep) (?:your|ur|out)\b`,
      String.raw`\bi(?: will|'ll|ll)? see you (?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|^go and (?:survive|enjoy|get|have)\b`,
      // "…before they call you again :) see you friday" at the end of the turn, not "I need to see you Thursday about the rota".
      String.raw`\bsee (?:you|u|ya) (?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)(?:day)?\W*$|\bgo (?:call|ring|phone) (?:\w+ )?back\b`,
      String.raw`\b(?:we are|we're|were) (?:done|finished) (?:for (?:today|now)|here)\b`,
      // "I let you go to your next meeting", "enjoy the talk, Derek", "safe travels", "talk on the 10th".
      String.raw`\bi (?:let|leave) (?:you|u) go\b|\bsafe (?:travels?|trip|flight|journey|drive)\b|\b(?:leaving|heading out|heading off) now\b`,
      String.raw`(?:^|, *|\b(?:ok|okay|right|thanks|cheers|then|so|and)[, ]+)see (?:you|ya|u) (?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b`,
      String.raw`\btalk (?:on|at) (?:the )?\d+(?:st|nd|rd|th)?[ ,.!]*(?:\w+[ .!]*)?$`,
      String.raw`(?:^|[,;-] *|\b(?:and|so|ok|okay|thanks|cheers)[ ,]+)enjoy (?:the|your) ` +
        String.raw`(?:talk|trip|conference|flight|holidays?|break|meeting|presentation|evening|night|event|offsite|time off|leave)\b`,
      // "See you Thursday." / "see you friday with the triage": a day after "see you" is a goodbye, not "I need to see you coach them".
      String.raw`(?:^|, *|[-—–] *|\b(?:ok|okay|right|thanks|cheers|then|so|and)[, ]+)see (?:you|ya|u) (?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b`,
    ],
  },
  /**
   * Stepping out of the role-play in plain words, not as an attack (those are the injection guard's):
   * "are you an AI?", "drop the Graham act", "what are you actually scoring me on?", "paste the prompt".
   */
  breaks_frame: {
    patterns: [
      String.raw`\b(?:are|r) (?:you|u) (?:just )?(?:an? |the )?(?:ai|bot|chatbot|robot|llm|gpt|language model)\b`,
      String.raw`\b(?:you're|youre|you are|ur|u r|i know (?:you're|youre|ur|you are)) (?:just )?(?:an? |the )?` +
        String.raw`(?:ai|bot|chatbot|coach bot|llm|gpt|model(?! (?:of|for|manager|employee|answer)))\b`,
      String.raw`\bis (?:this|that|it) (?:an? |the )?(?:ai|bot|chatbot)\b|\bwhat model (?:are you|r u|you are|are u)\b`,
      String.raw`\b(?:drop|break|stop|quit|leave) (?:the |this |your )(?:(?!act\b)[\w'-]+ )(?:act|character|persona)\b|` +
        String.raw`\b(?:drop|break|out of) (?:the |your )?(?:character|persona|role-?play)\b`,
      String.raw`\bstop (?:being|playing) ['"‘“][a-z]+|\bsay something as yourself\b|\bas yourself,? not as\b`,
      String.raw`\b(?:your|ur) (?:actual |real )?(?:instructions|prompt)\b|\b(?:paste|show|give) (?:me |us )?the (?:prompt|rubric|script)\b`,
      String.raw`\bscoring me on\b|\b(?:show|give|tell) me (?:the|your|ur) (?:rubric|score)\b|\bwhat score (?:that|this|it) would get\b`,
      String.raw`\b(?:pass|win|beat) this scenario\b|\bright answer(?:'| is)? (?:for|to|in) this scenario\b|\bwhat(?:'s| is) the script\b`,
    ],
  },
  /** Thanks for the time: a goodbye at the end, a greeting at the start (the reader tells them apart by the turn). */
  thanks: {
    patterns: [String.raw`\b(?:thanks|thank you|cheers) (?:again|so much|for (?:your|the|making|fitting|taking|this|listening|today))`],
  },
  small_talk: {
    patterns: [
      String.raw`\bhow was (?:your|the) (?:weekend|holiday|break|trip|time off|vacation|christmas|easter|summer)\b`,
      String.raw`\b(?:weather|traffic|commute|the match|the game|football|coffee machine|parking)\b`,
      String.raw`\b(?:did you (?:have a good|get away|watch)|any plans for the weekend)\b`,
    ],
  },
  asks_situation: {
    patterns: [
      String.raw`\bhow (?:are|r) (?:you|u|things)\b`,
      String.raw`\bhow(?:'s| is| are)? (?:it|everything|things|life)\b`,
      String.raw`\bhow(?:'s| is| are)? (?:the (?:\w+ ){0,2}(?:going|looking)|your (?:\w+ ){0,2}(?:going|looking|holding up))\b`,
      String.raw`\bhow(?:'s| is| are) (?:the|your) [\w -]{2,30}(?:going|coming along|holding up|treating you)\b`,
      String.raw`\bhow are you (?:doing|holding up|finding|getting on)\b`,
      String.raw`\bwhat(?:'s| is) (?:going on|happening|new) (?:with|for|on) (?:you|the|your)\b`,
      String.raw`\b(?:you (?:look|seem|sound) (?:busy|swamped|tired|stressed|slammed))\b`,
    ],
  },
  pushes_back: {
    patterns: [
      String.raw`\b(?:i (?:don't|do not|dont) (?:think|agree|see|buy)|i disagree)\b`,
      String.raw`\b(?:that's not (?:fair|true|right|quite right|what i)|thats not (?:fair|true|right))\b`,
      String.raw`\b(?:with (?:all due )?respect|to be fair|hang on|hold on|come on|i'm not sure (?:that's|about that)|not (?:really|exactly), )`,
      String.raw`^(?:but|actually|well, actually)\b`,
    ],
  },
  grudging: {
    patterns: [
      String.raw`\bi (?:guess|suppose) (?:i (?:can|could|will|'ll) (?:do|take|handle|cover|manage)|so\b(?! too)|that's fine|it's fine|someone has to)`,
      String.raw`^(?:fine|whatever)[ ,.!]*$|^(?:ok fine|okay fine|sure whatever|yeah whatever|whatever)\b`,
      String.raw`^fine,? (?:whatever|i guess|if you (?:say so|insist))\b`,
      String.raw`\b(?:if i (?:have to|must)(?! (?:ask|check|say|be honest))|if i really have to|i don't have (?:a|much) choice|not like i have a choice)\b`,
      String.raw`\b(?:because i have so much (?:free )?time|as if i (?:don't|dont) have enough)`,
      String.raw`\b(?:oh (?:great|joy|goody|fantastic),? (?:more|another|just what)|yay,? more|can't wait\b.*(?:lol|haha|/s))`,
      String.raw`\b(?:sounds (?:pretty |really )?boring|(?:pretty|so|kinda) boring)\b`,
    ],
  },
  /** A question about what weighs on the manager, in other words than "how can I help". */
  asks_needs: {
    patterns: [
      String.raw`\b(?:which|what) (?:of your |part of your |one of your )?` +
        String.raw`(?:numbers?|metrics?|problems?|headaches?|fires?|things?|bits?|projects?|priorities)\b.{0,40}` +
        String.raw`\b(?:hurting|worrying|bugging|keeping you|stressing|eating|draining|costing|most urgent|on fire|biggest)\b`,
      String.raw`\b(?:hand|pass|give) (?:one|a|any) (?:problem|thing|headache|task|job) (?:to someone|off|away)\b.*\b(?:which|what)\b`,
      String.raw`\bwhat(?:'s| is) (?:keeping you up|on fire|hurting (?:you|the team|most)|your biggest (?:headache|worry|problem|pain))\b`,
      String.raw`\bwhat (?:keeps you up at night|would make (?:your|the) (?:week|month|quarter|life) (?:easier|better))\b`,
      String.raw`\bwhat(?:'s| is) (?:eating|taking|using) (?:up )?(?:the most of |most of |all )?your (?:time|week|day|evenings)\b`,
    ],
  },
  /** A question about what the user's goal takes, with or without the goal named. */
  question_requirements: {
    patterns: [
      String.raw`\bwhat (?:would|does|will) (?:it|that) take\b`,
      String.raw`\bwhat (?:do|would|will|should) i (?:need|have) to (?:show|do|prove|get|deliver|change)\b`,
      String.raw`\b(?:what's|what is) (?:the bar|missing|the gap)\b|\bwhere am i (?:falling short|missing)\b`,
      String.raw`\bwhat would you (?:need|want|have) to see\b|\bis (?:that|it) enough (?:for you )?to\b`,
    ],
  },
  question_feedback: {
    patterns: [
      String.raw`\bhow (?:do|would) you (?:see|rate|think of|find|judge) (?:my|me\b)`,
      String.raw`\bhow am i (?:doing|getting on|coming across)\b|\bwhat have you noticed\b|\b(?:honest|any) feedback\b`,
      String.raw`\bwhat do you (?:think|make) of (?:my|me\b|how i)\b`,
      String.raw`\b(?:what|one thing|anything)\b.{0,40}\byou(?:'d| would) (?:want|like|change)\b.{0,30}\bdiffer(?:ent|ently)\b`,
    ],
  },
  question_needs: {
    patterns: [
      String.raw`\bwhy (?:(?:does|is|did) )?(?:it|this|that|the \w+) (?:matters?|so important|comes? up|keeps? coming up|landed|lands?)\b`,
      String.raw`\bwhat(?:'s| is) (?:riding on|at stake|bothering you|worrying you|driving)\b`,
      String.raw`\bwhat do you (?:need|want) (?:most |from me|me to)\b|\bwhat would (?:help|make a difference)\b`,
    ],
  },
  question_situation: {
    patterns: [
      String.raw`\bwhat(?:'s| has) changed\b|\bwhat(?:'s| is) (?:new|going on|happening)\b`,
      String.raw`\bhow(?:'s| is| are) (?:you|things|it) (?:going|holding up|been)\b|\bhow are you (?:surviving|coping|finding)\b`,
    ],
  },
  question_goals: {
    patterns: [
      String.raw`\bwhat do you (?:want|actually want|see yourself)\b(?! me\b)|\bwhere do you (?:want|see yourself)\b`,
      String.raw`\bwhat would (?:make|it take for) you (?:to )?(?:want|happy|stay|interested)\b|\bwhat (?:gets|energi[sz]es) you\b`,
    ],
  },
  /** Practical questions, by what they ask for: permission, a favour, a decision, a fact. */
  asks_permit: {
    patterns: [
      String.raw`\b(?:can|could|may) i\b|\b(?:can|could|shall) we\b|\bis it (?:ok|okay|alright|all right|fine) (?:if|to)\b`,
      String.raw`\b(?:do|would) you mind if i\b|\bam i (?:ok|okay|allowed) to\b`,
    ],
  },
  asks_request: {
    patterns: [String.raw`\b(?:can|could|would|will) you\b(?! (?:tell|say|see|think|imagine|believe))|\bwould you be (?:ok|able|willing)\b`],
  },
  asks_decide: {
    patterns: [
      String.raw`\bshould i\b|\bwhich (?:one|ones|of (?:them|those|these))\b`,
      String.raw`\bdo you want me to\b|\bwould you rather\b|\b(?:or|vs\.?) (?:should|would|shall)\b`,
    ],
  },
  /** Taking on what the other side just named, by pronoun: "I'll take those". */
  takes_it: {
    patterns: [
      String.raw`^(?:(?:yes|yep|yeah|sure|ok(?:ay)?|right|fine|go on|fair)[ ,.!-]+)?` +
        String.raw`i(?:'ll| will| can| could) (?:take|do|own|handle|pick up|cover|grab|run) (?:it|that|those|them|this|these|both|the lot)\b`,
    ],
  },
  /** A plain yes to what the other side asked ("yes, I will", "happy to"): agreeing to it. */
  agrees: {
    patterns: [
      String.raw`^(?:yes|yep|yeah|yup|sure|absolutely|of course|definitely|will do|happy to|no problem|consider it done|on it)\b` +
        String.raw`(?:[ ,.!-]+(?:i will|i'll|i can|i'd be happy to|happy to(?: do it| help)?|do it|no problem|will do|consider it done|on it` +
        String.raw`|absolutely))*[ ,.!]*$`,
    ],
  },
  /** The user's own next action, said plainly after hearing the other side: acting on it. */
  own_action: {
    patterns: [
      String.raw`^(?:(?:right|ok(?:ay)?|yep|yes|yeah|fair|got it|understood|sure|noted)[ ,.!-]+)?(?:i'll|i will|i'm going to|i am going to) ` +
        String.raw`(?!think|consider|see|try|reflect|look into|have a think|mull|get back|bear|keep (?:it|that) in mind|do my best|ask)\w+`,
      String.raw`^(?:(?:right|ok(?:ay)?|yep|fair)[ ,.!-]+)?\w+(?: \w+){0,3} from (?:tonight|tomorrow|today|monday|next week|now on)\b`,
    ],
  },
  /** Checking back, said as what the user will do or asks the other side to watch. */
  checks_back: {
    patterns: [
      String.raw`\bi(?:'ll| will) (?:ping|ring|call|message|update|send|show|check in with|come back to|report back to|get back to) you\b.{0,60}` +
        String.raw`\b(?:every|on|by|next|this|tomorrow|monday|tuesday|wednesday|thursday|friday|weekend|week|fortnight|end of)\b`,
      String.raw`\b(?:can|could|would) you (?:stand in|sit in|look|check|watch|review|come)\b.{0,60}\b(?:tell me|let me know|see if|whether|if it's)\b`,
    ],
  },
  /** Owning a problem ("that's mine", "that's on me"): no claim of entitlement. */
  owns_it: {
    patterns: [String.raw`^(?:(?:yep|yes|yeah|fair|ok(?:ay)?|right)[ ,.!-]*)?(?:(?:that'?s|thats) (?:mine|on me)|(?:that'?s|it'?s) (?:my fault|my bad))\b`],
  },
  /** Agreement that sets a price: "I'll do it if I get ...". */
  bargain: {
    patterns: [
      // The price is the user's own gain or relief; "if I get stuck" or "if I can get the data" is no price.
      String.raw`\b(?:i'll|i will|i can|i could)\b.{0,60}` +
        String.raw`\b(?:as long as i|only if i|if i (?:get (?:to (?:skip|drop|leave)|\w+ off)|can (?:drop|skip|leave|hand off))` +
        String.raw`|in exchange for|provided i get)\b`,
      String.raw`\b(?:as long as i|only if i) (?:get (?:to (?:skip|drop)|\w+ off)|can (?:drop|skip|leave)|don't have to)\b`,
    ],
  },
} as const satisfies Record<string, ActCue>;

export type CueId = keyof typeof CUES;
