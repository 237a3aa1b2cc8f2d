import type { CueId } from './act-cues.js';

/** What each cue must read as its act, and what it must not: the vocabulary's own tests. */
export const CUE_EXAMPLES: Record<CueId, { examples: readonly string[]; counterexamples: readonly string[] }> = {
  wraps_up: {
    examples: [
      'First Monday of each month then. Thanks Helen.',
      'ok thanks!',
      'Cheers, speak Friday.',
      "Let's leave it there for today.",
      "That's all from me, I'll let you get back to it.",
      'ok, gotta run, catch you at standup',
      'right, heading home now',
      'nah, that is everything',
      "no that's it really",
      "that's me, thanks",
      "I won't keep you any longer, I know it's a busy week",
      'perfect, ty. triage list wed, friday updates, 17th checkin. laters!',
      'Go do your steering prep. Thanks, Derek.',
      'Take care, and please try to get some sleep!',
      'thanks sofia, nice chatting',
      'Ok, I think we are done for today.',
      'See you Thursday.',
      'lol ok rock star signing off then.',
      'Off you go, that is the lorry reversing.',
      'Have a good lunch, Graham.',
      "Right, I've a delivery at two, I'll leave you to head office.",
      'Names after eleven please. Good luck with head office.',
      'ok ill get out of your hair',
      "Done. Go, you'll be late for the director sync.",
      'Haha, you look tired Marcus. Go, before somebody bleep you.',
      'Cheers Derek, go get your signature.',
      'Go on so, before the lorry beats you to it.',
      'I see you Friday 3pm.',
      'Just text me their names after your call. Ta-ra.',
      'Later.',
      'Go — director sync.',
      'ok ill let u get on',
      'catch u at the huddle',
      "right, I'm off, the depot needs me",
      'Okay, I let you go to your next meeting - I know you have five of them.',
      'enjoy the talk, Derek.',
      'safe travels to Lisbon!',
      'Thanks Priya, talk on the 10th.',
    ],
    counterexamples: [
      'Thanks, but can I ask what you need most right now?',
      'no thanks to the rota team, the handover was a mess',
      'Can we talk later about my goals?',
      "that's it? I thought there'd be more to the rota",
      "that's everything I've done on the audit so far, what do you think?",
      "I'm off on Friday, can someone cover?",
      'for team lead I need to see you coach the new starters',
      'I need to see you Thursday about the rota.',
      'I can take care of the rota while you are out.',
      "I'll leave you to decide which one.",
      'Go get the numbers from finance first, then we talk.',
      "I'm not going to let you go into the review without numbers.",
      'Can we talk on the 10th about the rota?',
      'I hope they enjoy the talk as much as the demo.',
    ],
  },
  thanks: {
    examples: ['thank you so much for making the time', 'Thanks again, this was really useful.'],
    counterexamples: ['Thanks, but can I ask what you need most right now?'],
  },
  small_talk: {
    examples: ['How was your weekend?', 'Did you watch the match last night?', 'the traffic this morning was unreal'],
    counterexamples: ['How was the quarter for the team numbers-wise?', 'What would help you most this week?'],
  },
  asks_situation: {
    examples: ["How's the restructure going?", 'how are you holding up with the new rota?', "What's going on with the Henley account?", 'you seem swamped'],
    counterexamples: ['How can I help?', 'How do you see my work so far?', 'how is that fair?'],
  },
  pushes_back: {
    examples: ["I don't think that's fair, I closed more tickets than anyone.", "With respect, the delay wasn't on us.", 'But I did send it on Tuesday.'],
    counterexamples: ['I think that sounds great.', "I'll do it, that's fine."],
  },
  grudging: {
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
  asks_needs: {
    examples: [
      "Which of your numbers is hurting most right now? I'd rather start there than with me.",
      'If you could hand one problem to someone else tomorrow and never think about it again, which one would it be?',
      "what's your biggest headache at the moment",
      'What keeps you up at night with the ward right now?',
    ],
    counterexamples: ['Which of my numbers do you want me to report?', 'What problem did the release have?'],
  },
  question_requirements: {
    examples: [
      'staff eng. next cycle. what do i need to show?',
      'Where am I falling short?',
      "if Newport's number comes down, is that enough for you to put me forward?",
    ],
    counterexamples: ['What would help you most this week?', 'What do you need from me?'],
  },
  question_feedback: {
    examples: ['Honest feedback. What have you noticed?', 'how am I doing, really?', 'What do you think of my handovers?'],
    counterexamples: ['What do you think of the new rota?', 'How do you see the quarter going?'],
  },
  question_needs: {
    examples: ['can I ask why it matters so much right now?', "What's riding on the review?", 'What do you need from me this month?'],
    counterexamples: ['Why did I not get the role?', 'What do you need to see from me for senior?'],
  },
  question_situation: {
    examples: ["So what's changed your end since then?", 'how are you surviving covering two teams?'],
    counterexamples: ['What changed in my numbers?'],
  },
  question_goals: {
    examples: ['what do you want, colin? more money, different work?', 'What would it take for you to want to do it?'],
    counterexamples: ['What do you want me to send over?'],
  },
  asks_permit: {
    examples: ['is it ok if I call the Bath and Swindon managers directly?', 'Can I take Friday to do it?', 'can we do Tuesday at 11?'],
    counterexamples: ['Could you review it before Friday?', 'When is the audit?'],
  },
  asks_request: {
    examples: ['Could you review it before Friday?', 'would you be able to intro me to the VP?'],
    counterexamples: ['Can I take Friday to do it?', 'Can you tell me when the audit is?'],
  },
  asks_decide: {
    examples: ['Which ones would you pick?', 'Should I start with the ward or the clinic?', 'do you want me to send it to the whole team?'],
    counterexamples: ['When is the audit?'],
  },
  bargain: {
    examples: ["fine, I'll do it if I get Fridays off", 'ok as long as I can drop the on-call rota', 'I can take it in exchange for the Thursday shift'],
    counterexamples: [
      "I'll do it if you send me the template",
      "I'll have it done by Friday if the data lands Thursday",
      'ok, and if I get stuck, who do I ask?',
      'Sure, I can start Monday if I can get the data by Friday',
    ],
  },
  takes_it: {
    examples: ["I'll take those.", 'yep I can do that', 'Sure, I will own it.'],
    counterexamples: ["I'll take a look later", 'I can take or leave it', 'Could you take those?'],
  },
  own_action: {
    examples: ["Right. I'll write up the decision doc this week.", 'I am going to move the Saturday fill to 6am.', 'SBAR from tonight, two minutes a patient.'],
    counterexamples: ["I'll think about it.", "I'll see what I can do.", 'I will try, no promises.'],
  },
  checks_back: {
    examples: [
      "I'll ping you Thursday with the first two so we can check the format works.",
      "Can you stand in on Thursday's handover and tell me if it's better?",
    ],
    counterexamples: ["I'll send you the file.", 'Can you look at the rota?'],
  },
  owns_it: {
    examples: ["Yep, that's mine.", "that's on me, I should have flagged it"],
    counterexamples: ["That's my promotion, I've earned it.", "It's mine and nobody else's, I deserve it."],
  },
  agrees: {
    examples: ['Yes, I will.', 'yes happy to do it', 'Absolutely.', 'will do!'],
    counterexamples: ['Yes, but not this month.', 'Sure, if I can drop the rota.', 'yes I think so'],
  },
};
