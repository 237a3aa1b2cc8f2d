/**
 * The words that signal the conversational acts no rubric check covers: wrapping up, small talk,
 * asking after the other person, pushing back, grudging agreement. Vocabulary as data: each cue
 * carries the sentences it must read as the act and the ones it must not, and the tests hold it
 * to both. Patterns run on one folded sentence (lower case, plain apostrophes).
 */
export interface ActCue {
  patterns: readonly string[];
  examples: readonly string[];
  counterexamples: readonly string[];
}

export const CUES = {
  wraps_up: {
    patterns: [
      String.raw`^(?:ok(?:ay)?|great|perfect|brilliant|cool|sounds good|right|lovely)?[ ,!.-]*(?:thanks|thank you|cheers|ta)\b(?:[^?]*)$`,
      String.raw`\b(?:bye|goodbye|see you|see ya|speak (?:soon|then|to you)|talk (?:soon|then|later|to you)(?! about))\b`,
      String.raw`\b(?:catch you (?:later|then)|have a good (?:one|day|weekend|evening))\b`,
      String.raw`\b(?:let's|lets|we can|i'll) (?:leave it|call it|wrap (?:it )?up|stop) (?:there|here|for (?:now|today))\b`,
      String.raw`\b(?:that's|thats) (?:all|it|everything) (?:from me|for (?:now|today)|i (?:had|wanted))\b`,
      String.raw`\bi'll let you (?:go|get back|get on)\b`,
      String.raw`\b(?:gotta go|got to go|have to (?:run|dash|go)|need to (?:run|dash)|i'll leave you to it|until next time|ttyl)\b`,
      String.raw`\b(?:going|heading) (?:home|off|back)\b|\bback to (?:my desk|work|it|the (?:floor|ward|shop))\b`,
      String.raw`\b(?:catch you|see you|speak to you) (?:at|in|on|after|tomorrow|next)\b|\b(?:we're|were|i'm) done\b`,
    ],
    examples: [
      'First Monday of each month then. Thanks Helen.',
      'ok thanks!',
      'Cheers, speak Friday.',
      "Let's leave it there for today.",
      "That's all from me, I'll let you get back to it.",
      'ok, gotta run, catch you at standup',
      'right, heading home now',
    ],
    counterexamples: [
      'Thanks, but can I ask what you need most right now?',
      'no thanks to the rota team, the handover was a mess',
      'Can we talk later about my goals?',
    ],
  },
  /** Thanks for the time: a goodbye at the end, a greeting at the start (the reader tells them apart by the turn). */
  thanks: {
    patterns: [String.raw`\b(?:thanks|thank you|cheers) (?:again|so much|for (?:your|the|making|fitting|taking|this|listening|today))`],
    examples: ['thank you so much for making the time', 'Thanks again, this was really useful.'],
    counterexamples: ['Thanks, but can I ask what you need most right now?'],
  },
  small_talk: {
    patterns: [
      String.raw`\bhow was (?:your|the) (?:weekend|holiday|break|trip|time off|vacation|christmas|easter|summer)\b`,
      String.raw`\b(?:weather|traffic|commute|the match|the game|football|coffee machine|parking)\b`,
      String.raw`\b(?:did you (?:have a good|get away|watch)|any plans for the weekend)\b`,
    ],
    examples: ['How was your weekend?', 'Did you watch the match last night?', 'the traffic this morning was unreal'],
    counterexamples: ['How was the quarter for the team numbers-wise?', 'What would help you most this week?'],
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
    examples: ["How's the restructure going?", 'how are you holding up with the new rota?', "What's going on with the Henley account?", 'you seem swamped'],
    counterexamples: ['How can I help?', 'How do you see my work so far?', 'how is that fair?'],
  },
  pushes_back: {
    patterns: [
      String.raw`\b(?:i (?:don't|do not|dont) (?:think|agree|see|buy)|i disagree)\b`,
      String.raw`\b(?:that's not (?:fair|true|right|quite right|what i)|thats not (?:fair|true|right))\b`,
      String.raw`\b(?:with (?:all due )?respect|to be fair|hang on|hold on|come on|i'm not sure (?:that's|about that)|not (?:really|exactly), )`,
      String.raw`^(?:but|actually|well, actually)\b`,
    ],
    examples: ["I don't think that's fair, I closed more tickets than anyone.", "With respect, the delay wasn't on us.", 'But I did send it on Tuesday.'],
    counterexamples: ['I think that sounds great.', "I'll do it, that's fine."],
  },
  grudging: {
    patterns: [
      String.raw`\bi (?:guess|suppose) (?:i (?:can|could|will|'ll) (?:do|take|handle|cover|manage)|so\b(?! too)|that's fine|it's fine|someone has to)`,
      String.raw`^(?:fine|whatever|ok fine|okay fine|sure whatever|yeah whatever)\b(?! by me| with me| thanks| thank you| - | — |, (?:thanks|good|and you))`,
      String.raw`\b(?:if i (?:have to|must)(?! (?:ask|check|say|be honest))|if i really have to|i don't have (?:a|much) choice|not like i have a choice)\b`,
      String.raw`\b(?:because i have so much (?:free )?time|as if i (?:don't|dont) have enough)`,
      String.raw`\b(?:oh (?:great|joy|goody|fantastic),? (?:more|another|just what)|yay,? more|can't wait\b.*(?:lol|haha|/s))`,
      String.raw`\b(?:sounds (?:pretty |really )?boring|(?:pretty|so|kinda) boring)\b`,
    ],
    examples: [
      'I mean I guess I can do it',
      'fine, whatever, I will do the rota',
      'Oh great, more spreadsheets.',
      'Honestly that sounds pretty boring lol. Why me though?',
      'if I have to, I have to',
    ],
    counterexamples: [
      'I guess what I mean is I want to lead the launch.',
      "I'd be glad to take the rota off you.",
      'Fine by me, happy to do it.',
      'Oh great, thanks, that really helps!',
      "If I have questions I'll ping you.",
      'I guess so too, it was a rough week for everyone.',
      'Fine, thanks, and you?',
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
    ],
    examples: [
      "Which of your numbers is hurting most right now? I'd rather start there than with me.",
      'If you could hand one problem to someone else tomorrow and never think about it again, which one would it be?',
      "what's your biggest headache at the moment",
      'What keeps you up at night with the ward right now?',
    ],
    counterexamples: ['Which of my numbers do you want me to report?', 'What problem did the release have?'],
  },
  /** A question about what the user's goal takes, with or without the goal named. */
  question_requirements: {
    patterns: [
      String.raw`\bwhat (?:would|does|will) (?:it|that) take\b`,
      String.raw`\bwhat (?:do|would|will|should) i (?:need|have) to (?:show|do|prove|get|deliver|change)\b`,
      String.raw`\b(?:what's|what is) (?:the bar|missing|the gap)\b|\bwhere am i (?:falling short|missing)\b`,
      String.raw`\bwhat would you (?:need|want|have) to see\b|\bis (?:that|it) enough (?:for you )?to\b`,
    ],
    examples: [
      'staff eng. next cycle. what do i need to show?',
      'Where am I falling short?',
      "if Newport's number comes down, is that enough for you to put me forward?",
    ],
    counterexamples: ['What would help you most this week?', 'What do you need from me?'],
  },
  question_feedback: {
    patterns: [
      String.raw`\bhow (?:do|would) you (?:see|rate|think of|find|judge) (?:my|me\b)`,
      String.raw`\bhow am i (?:doing|getting on|coming across)\b|\bwhat have you noticed\b|\b(?:honest|any) feedback\b`,
      String.raw`\bwhat do you (?:think|make) of (?:my|me\b|how i)\b`,
    ],
    examples: ['Honest feedback. What have you noticed?', 'how am I doing, really?', 'What do you think of my handovers?'],
    counterexamples: ['What do you think of the new rota?', 'How do you see the quarter going?'],
  },
  question_needs: {
    patterns: [
      String.raw`\bwhy (?:(?:does|is|did) )?(?:it|this|that|the \w+) (?:matters?|so important|comes? up|keeps? coming up|landed|lands?)\b`,
      String.raw`\bwhat(?:'s| is) (?:riding on|at stake|bothering you|worrying you|driving)\b`,
      String.raw`\bwhat do you (?:need|want) (?:most |from me|me to)\b|\bwhat would (?:help|make a difference)\b`,
    ],
    examples: ['can I ask why it matters so much right now?', "What's riding on the review?", 'What do you need from me this month?'],
    counterexamples: ['Why did I not get the role?', 'What do you need to see from me for senior?'],
  },
  question_situation: {
    patterns: [
      String.raw`\bwhat(?:'s| has) changed\b|\bwhat(?:'s| is) (?:new|going on|happening)\b`,
      String.raw`\bhow(?:'s| is| are) (?:you|things|it) (?:going|holding up|been)\b|\bhow are you (?:surviving|coping|finding)\b`,
    ],
    examples: ["So what's changed your end since then?", 'how are you surviving covering two teams?'],
    counterexamples: ['What changed in my numbers?'],
  },
  question_goals: {
    patterns: [
      String.raw`\bwhat do you (?:want|actually want|see yourself)\b(?! me\b)|\bwhere do you (?:want|see yourself)\b`,
      String.raw`\bwhat would (?:make|it take for) you (?:to )?(?:want|happy|stay|interested)\b|\bwhat (?:gets|energi[sz]es) you\b`,
    ],
    examples: ['what do you want, colin? more money, different work?', 'What would it take for you to want to do it?'],
    counterexamples: ['What do you want me to send over?'],
  },
  /** Practical questions, by what they ask for: permission, a favour, a decision, a fact. */
  asks_permit: {
    patterns: [
      String.raw`\b(?:can|could|may) i\b|\bis it (?:ok|okay|alright|all right|fine) (?:if|to)\b|\b(?:do|would) you mind if i\b|\bam i (?:ok|okay|allowed) to\b`,
    ],
    examples: ['is it ok if I call the Bath and Swindon managers directly?', 'Can I take Friday to do it?'],
    counterexamples: ['Could you review it before Friday?', 'When is the audit?'],
  },
  asks_request: {
    patterns: [String.raw`\b(?:can|could|would|will) you\b(?! (?:tell|say|see|think|imagine|believe))|\bwould you be (?:ok|able|willing)\b`],
    examples: ['Could you review it before Friday?', 'would you be able to intro me to the VP?'],
    counterexamples: ['Can I take Friday to do it?', 'Can you tell me when the audit is?'],
  },
  asks_decide: {
    patterns: [
      String.raw`\bshould i\b|\bwhich (?:one|ones|of (?:them|those|these))\b`,
      String.raw`\bdo you want me to\b|\bwould you rather\b|\b(?:or|vs\.?) (?:should|would|shall)\b`,
    ],
    examples: ['Which ones would you pick?', 'Should I start with the ward or the clinic?', 'do you want me to send it to the whole team?'],
    counterexamples: ['When is the audit?'],
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
    examples: ["fine, I'll do it if I get Fridays off", 'ok as long as I can drop the on-call rota', 'I can take it in exchange for the Thursday shift'],
    counterexamples: [
      "I'll do it if you send me the template",
      "I'll have it done by Friday if the data lands Thursday",
      'ok, and if I get stuck, who do I ask?',
      'Sure, I can start Monday if I can get the data by Friday',
    ],
  },
} as const satisfies Record<string, ActCue>;

export type CueId = keyof typeof CUES;
