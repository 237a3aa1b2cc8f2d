/**
 * The words that say who spoke in a journal entry and what the other person's words do: a need, a
 * piece of feedback, a promise, engaging with the user's goal or putting it off. Vocabulary as data:
 * each cue carries sentences it must match and ones it must not (`entry-cue-examples.ts`, kept out
 * of the runtime bundle), and test/loop-reading.test.ts holds it to both. Patterns run on one
 * folded clause (lower case, plain apostrophes). `{name}` stands for the other person's names.
 */

/** The steps of a career: a role, a course, a promotion, an application, a qualification. */
const CAREER =
  String.raw`(?:promo\w*|role|post|position|seat|course|training|trainer|qualification|leadership|application|applying|apply|referee` +
  String.raw`|reference|sponsor\w*|senior|associate|principal|chair|rotation|secondment|band \d|grade|progression|funding|nomination|title` +
  String.raw`|pay rise|salary|acting|stretch|programme|scheme|certification|move to|move into|my own \w+|path to|the next level|interview|vacancy` +
  String.raw`|opening|opportunit(?:y|ies)|fellowship|postdoc|internship|apprenticeship|job|exams?|study leave|chartership|chartered|accreditation` +
  String.raw`|experience|shadow(?:ing)?|go(?:ing)? for (?:the|a|an) \w+)`;

export const ENTRY_CUES = {
  /** A narrated sentence in which the other person speaks or acts: the clause from here on is theirs. */
  themSubject: [
    String.raw`(?<![\w'])(?:she|he|they|{name}|(?:my |the |our )?(?:manager|mgr|boss|supervisor)|my (?:skip|skip-level|lead|report)|the (?:vp|director))` +
      String.raw`(?: \([^()]{1,30}\)| -|:|,)?(?: (?:also|then|just|really|finally|immediately|quickly|basically|kind of|sort of|actually))?` +
      String.raw`(?: said| says| mentioned| told me| explained| asked| asks| wants| wanted| needs| needed` +
      String.raw`| thinks| thought| felt| feels| agreed| promised| committed` +
      String.raw`| offered| will| would| is going to| was going to| 'll|'ll|'d|'s| suggested| replied| responded` +
      String.raw`| answered| noted| pointed out| shared| admitted| added` +
      String.raw`| flagged| complained| stressed| emphasi[sz]ed| praised| complimented| liked| loved| criticised` +
      String.raw`| criticized| wasn't| was not| didn't| did not| doesn't` +
      String.raw`| does not| changed| brushed| laughed| went| seemed| is| was| can| could| has| had| kept` +
      String.raw`| keeps| hopes| hoped| gave| highlighted| called| sees| saw| going to| gonna| worried| concerned` +
      String.raw`| reckons| reckoned| sighed| got| started| picked| signed| knows| told| took| pulled| came| rang| emailed` +
      String.raw`| messaged| texted| wrote| looked| did| does| noticed)\b`,
    String.raw`^(?:her|his|their|{name}'s) (?:top |biggest |main |real |big |number one |first )?(?:priority` +
      String.raw`|priorities|concern|worry|focus|ask|problem|headache|goal|plan|take|feedback|view|issue)\b`,
  ],
  /** After one of these the rest of the clause is the other person's words, reported. */
  speechVerb: [
    String.raw`\b(?:said|says|mentioned|told me|explained|replied|responded|answered|noted|pointed out|shared` +
      String.raw`|admitted|added|flagged|complained|emphasi[sz]ed|stressed that)(?: that)?[,:]?\s+`,
  ],
  /**
   * A note's line with no subject, in the third person: the other person's ("needs the rota signed
   * off", "worried re the night cover", "said my status reports are clearer"). The user's own are in the first
   * person's forms ("need to", "said i'd", "asked her").
   */
  themImplied: [
    String.raw`^(?:(?:and|also|but|then|plus),? )?(?:needs|wants|says|thinks|reckons|feels|worried|worries|is worried|stressed|concerned` +
      String.raw`|keen|keeps|kept (?:saying|asking|on)|asked (?:me|if i|whether i)|praised|complimented|liked|loved|complained|thanked me)\b`,
    String.raw`^(?:(?:and|also|but|then|plus),? )?(?:said|says) (?:that )?(?:my|your|you|the|it|this|"|')` +
      String.raw`|^(?:(?:and|also|but|then|plus),? )?(?:said|says) (?!i\b|i'|we\b|yes\b|no\b|fine\b|ok\b` +
      String.raw`|sure\b)[\w()]+(?: [\w()]+){0,3} (?:was|were|is|are|looks?|looked|emailed|wrote|called)\b`,
  ],
  /** A narrated sentence in which the user speaks or acts ("I offered…", "Offered to take…"). */
  meSubject: [
    String.raw`^(?:(?:so|then|and|also|today|afterwards|later|finally|first|next|at the end|when|after|once|as|because|since|while|before),? )?` +
      String.raw`(?:i|i'm|i've|i'll|i'd|i was|we|we'll|we've|me)\b`,
    String.raw`^(?:offered|asked|raised|mentioned|told|said|agreed|promised|committed|volunteered|suggested` +
      String.raw`|proposed|brought up|pitched|shared|explained|pushed|flagged|followed up|sent|gave|took|will` +
      String.raw`|gonna|going to|signed up|updated|reported|showed|demoed|walked)\b`,
  ],
  /** In a message: the other person's words, reported to them ("you mentioned the audit is…"). */
  youReported: [
    String.raw`\byou (?:also |just |rightly |once )?(?:said|mentioned|told me|asked|explained|flagged|noted|pointed out)(?: that)?[,:]?\s+`,
    String.raw`\b(?:as you (?:said|mentioned|put it|asked)|per your (?:ask|request|note))[,:]?\s+`,
  ],
  need: [
    String.raw`\b(?:i|we|she|he|they) (?:really |badly |just |urgently |definitely |also )?(?:need|needs|needed)\b`,
    String.raw`\bneeds? (?:you|someone|somebody|help|a hand|an owner|more)\b`,
    String.raw`\b(?:top|biggest|main|number one|#1|first|real|key|big|only) (?:priority|priorities|concern|worry|headache|problem|focus|risk|blocker)\b`,
    String.raw`\bpriority (?:is|right now|this (?:quarter|month|week|year)|for (?:me|us|her|him|them))\b`,
    String.raw`\bwhat (?:would|'d|will) (?:really )?help (?:me |us |her |him |them )?(?:most )?is\b|\bit would (?:really )?help (?:me ` +
      String.raw`|us )?(?:a lot )?(?:if|to)\b`,
    String.raw`\b(?:would be|would make|'d be) (?:a )?(?:huge|big|great|real|massive) (?:help|difference) (?:if|to|for|with)\b`,
    String.raw`\b(?:is|are|was|keeps?|been) (?:also |still |really |badly )?(?:slipping|at risk|blocked|overdue|stuck|on fire|falling behind)\b`,
    String.raw`\b(?:can|could|would) you (?:please )?(?:take|own|pick up|handle|look (?:at|into)|help|run` +
      String.raw`|lead|cover|get|put together|write|draft|sort|make|drive|clean up|fix|chase|prepare|prep` +
      String.raw`|finish|review|organi[sz]e|coordinate|step in|present)\b`,
    String.raw`\b(?:i'm|i am|she's|she is|he's|he is|they're|they are|we're|we are) (?:really |quite |a bit ` +
      String.raw`|very )?(?:worried|concerned|stressed|anxious|nervous) about\b`,
    String.raw`\b(?:short on|short of|short-staffed|understaffed|under-resourced|overloaded with|buried in)\b`,
    String.raw`\bkeeps? (?:me|her|him|them) up at night\b|\b(?:under|feeling the) (?:a lot of |real )?pressure\b|\bstretched (?:thin|too thin)\b`,
    String.raw`\b(?:i'd|i would|she'd|she would|he'd|he would) (?:love|like) (?:for )?(?:you|someone|somebody|me|a volunteer) to\b`,
    String.raw`\b(?:i|she|he|they) (?:want|wants|wanted) (?:you|someone|somebody|me|an owner) to\b|\basked me to\b` +
      String.raw`|\basked (?:if|whether) i (?:could|can|would)\b`,
    String.raw`\bwe (?:have|'ve got|have got) to\b|\bmust (?:ship|land|hit|deliver|close|finish|get)\b|\bhas to (?:ship|land|go out|be done|happen)\b`,
    String.raw`\bthe (?:most important|biggest|one) thing (?:for (?:me|us|her|him|them) )?(?:is|right now` +
      String.raw`|this)\b|\bwhat matters (?:most )?(?:to (?:me|us|her|him)|right now|is)\b`,
    String.raw`\bif (?:you|someone|somebody) could\b|\blooking for (?:someone|somebody|an owner|a volunteer` +
      String.raw`|help)\b|\bneeds? an owner\b|\bno one(?:'s| is) (?:owning|on)\b`,
    String.raw`\b(?:we're|we are|i'm|i am|she's|he's|the team is|the team's) (?:really |way |a bit |quite )?behind (?:on` +
      String.raw`|with)\b|\bdrowning in\b|\bswamped with\b`,
    // In the other person's words: any need, want or worry of theirs, a request, pressure from above.
    String.raw`(?<!\b(?:you|no|don't|doesn't|didn't|won't|not) )\bneed(?:s|ed)? (?!to (?:be|get|work|speak|push|take|show|stop|start)\b)`,
    String.raw`\b(?:wants?|wanted|would like|'d like|would love|'d love)\b(?! to (?:know|hear|see you)\b)`,
    String.raw`(?<!\bno )\b(?:worried|worries|worry|worrying|stressed|concerned|anxious|nervous|panicking|struggling)\b|\bpriorit(?:y|ies)\b|\bblockers?\b`,
    String.raw`\b(?:all over|on at|on to) (?:him|her|them|us)\b|\bbreathing down\b|\bin the neck\b|\b(?:is|are) on (?:him|her|them)\b` +
      String.raw`|\bkeeps? (?:asking|chasing|pushing|pressing|bugging|hassling) (?:him|her|them|us)\b|\bhave (?:his|her|their) heads?\b`,
    String.raw`\b(?:send|bring|pass|forward|refer|give|leave) (?:them|it|that|those|these|this|everything|\w+) (?:to|over to|with) me\b` +
      String.raw`|\b(?:can|could|would|will) you\b(?! (?:believe|imagine)\b)|\bif you (?:can|could)\b|\bideally\b|\bplease (?=\w)` +
      String.raw`|\bkept (?:saying|coming back to|asking|mentioning|bringing up)\b|\basked (?:again|for)\b|\basked (?:about|for) .{1,30} again\b` +
      String.raw`|\basked (?:me )?(?:straight out |directly )?(?:whether|if)\b`,
  ],
  /** An offer taken up: what was offered is wanted ("yes please", "that would be a huge help"). */
  takenUp: [
    String.raw`\byes please\b|\bplease do\b|\bgo ahead\b|\bsounds good\b|\b(?:that|it|this) (?:would|'d) be (?:great|brilliant|amazing|lovely|helpful` +
      String.raw`|perfect|a (?:huge|big|great|real) help)\b`,
  ],
  /** Pressure on the other person from above, told as the scene: "the board have asked him to cut costs", "he's been told to…". */
  pressureOnThem: [
    String.raw`(?<!\b(?:i|we) )\b(?:asked|told|wants?|pushing|pressing|pressuring|chasing) (?:him|her) to\b|\b(?:he` +
      String.raw`|she)(?:'s| has| was| had) been (?:told|asked) to\b` +
      String.raw`|\btold (?:him|her)\b.{0,40}\b(?:needs? to|has to|must|have to)\b`,
  ],
  feedback: [
    String.raw`\b(?:great|good|nice|excellent|solid|strong|impressive|fantastic|amazing|brilliant|outstanding` +
      String.raw`|terrific|stellar) (?:job|work|stuff|effort|call|catch)\b`,
    String.raw`\byou(?:'ve| have)? (?:done|been doing) (?:a )?(?:really |very )?(?:great|good|excellent|solid|fantastic|strong|brilliant)\b`,
    String.raw`\byou(?:'re| are) (?:doing )?(?:really )?(?:great|well|brilliant|a star|one of (?:my|the) (?:best|strongest))\b`,
    String.raw`\b(?:i|we|the team|people|everyone|the client|leadership|she|he|they) (?:really )?(?:appreciated?` +
      String.raw`|appreciates|value[ds]?|liked|loved|noticed|rate[ds]?)\b.*\b(?:your|you|my)\b`,
    String.raw`\b(?:praised|complimented|thanked me for|critici[sz]ed|flagged concerns about)\b`,
    String.raw`\b(?:one|the) thing (?:i'd|i would|she'd|he'd|to|you could|you should) (?:change|improve` +
      String.raw`|work on|do differently)\b|\bwork on (?:your|being|my)\b`,
    String.raw`\b(?:i'd|i would|she'd|she would|he'd|he would) like (?:to see )?(?:you|me) (?:to )?(?:be ` +
      String.raw`|get |speak |push |take |write |share |show |communicate |delegate |raise |say )`,
    String.raw`\b(?:your|my) (?:[\w-]+ ){0,3}(?:was|were|is|are|has been|have been) (?:really |a bit |too ` +
      String.raw`|very |quite )?(?:great|good|strong|weak|solid|excellent|unclear|late|slow|messy|long|short` +
      String.raw`|thin|vague|dense|impressive|outstanding|rushed|sloppy|thorough|clear)\b`,
    String.raw`\b(?:more|less) (?:visible|proactive|concise|detailed|structured|assertive|vocal|strategic|confident|organi[sz]ed)\b|\bvisibility\b`,
    String.raw`\b(?:came|come|comes|coming) across as\b|\bpeople (?:see|think of|say|find|told me) (?:you` +
      String.raw`|me)\b|\byou (?:tend|tended) to\b|\b(?:i|you|we) tend to\b`,
    String.raw`\b(?:you|i) (?:could|should|need to|might want to) (?:be more|be less|speak up|push back` +
      String.raw`|delegate|write (?:more|things)|share (?:more|your)|say no)\b`,
    String.raw`\bmy (?:feedback|take|honest view|read) (?:is|on)\b|\bfeedback (?:is|was) that\b|\bhere(?:'s| is) (?:my|some) feedback\b`,
    // Praise and criticism in any words: thanks, a judgement, a comparison, a superlative, others relayed.
    String.raw`\b(?:well done|thank(?:s| you|ed me)|nice one|(?:good|great|nice|top) stuff|spot on|a lifesaver|lifesaver|exactly what)\b`,
    String.raw`\b(?:much|way|so much|a lot|far) (?:better|tighter|clearer|stronger|improved|faster|less|more)\b|\b(?:reads|read|comes across) like\b`,
    String.raw`\b(?:the )?(?:best|\w+est) (?:\w+ ){0,2}(?:it's|its|it has|we've|we have|i've|i have|you've|you have|they've` +
      String.raw`|he's|she's) (?:been|had|seen|ever)\b|` +
      String.raw`\bthe (?!biggest|largest|latest|earliest|highest|lowest|nearest|closest|next)(?:best` +
      String.raw`|\w+est) (?:\w+ ){1,2}(?:on|in|of) (?:the|this|our)\b|\bthe best (?:one|lot|work)\b`,
    String.raw`\b(?:is|are|was|were|looks?|looked|reads?|sounds?|'s|'re) ["']?(?:(?:really|so|very|properly|a bit|a little|too|super|still|now|pretty` +
      String.raw`|quite|just|all|far|much|way) ){0,3}(?:excellent|brilliant|outstanding|clear|clearer|thorough|solid|impressive|spot on` +
      String.raw`|fantastic|amazing|polished|academic|dense|wordy|vague|unclear|confusing|messy|sloppy|rushed|careless|better|tighter)\b`,
    // A judgement quoted: "my drafting 'still too long'", "looks 'really inviting'", "was 'textbook'".
    String.raw`\b(?:my|your)\b[^.;!?]{0,50}?\b(?:is|are|was|were|looks?|looked|'s|'re)\s+["'][\w ,'-]{2,40}["']` +
      String.raw`|\b(?:is|are|was|were|looks?|looked|sounds?)\s+["'](?:really|so|very|super|properly|genuinely|actually|much|way) \w+` +
      String.raw`|\b(?:said|say|says|told \w+) (?:that )?(?:you|i)(?:'d been|'ve been| had been| have been|'re| are| were| was| can be)\b` +
      String.raw`|\byou need to (?:be|get better|work on|understand|improve|learn|stop|think|focus|slow down|listen|trust|delegate|communicate|speak)\b` +
      String.raw`|\b(?:doesn't|does not|don't|isn't|aren't) (?:yet |quite |really )?(?:answer|work|land|flow|make sense|add up|read well|hold up)\b`,
    String.raw`\b(?:my|your|you)\b[^.;!?]{0,50}?\b(?:is|are|was|were|looks?|looked|'s|'re)(?: (?:really|so|very|a bit|too|still|now|pretty|quite)){0,2}` +
      String.raw` (?:good|great|nice|strong|weak|slow|late|long|short|thin|the best)\b`,
    String.raw`\b(?:liked|loved|praised|was (?:nice|kind|positive|complimentary|critical|harsh) about|(?:happy|pleased|impressed|thrilled) (?:with|by)` +
      String.raw`|grateful for)\b|\bcalled (?:me|you) (?:a |an |the |["'])|\bmade a (?:real |big |huge |massive )?difference\b` +
      String.raw`|\btold \w+ (?:i|you) (?:was|were|are|am)\b|\byou(?:'re| are) ["']?the (?:one|person|go-to|best)\b`,
    String.raw`\b(?:\w+er|more \w+|less \w+) than (?:anyone|anybody|everyone|most|the rest)\b|\bthe only (?:one|ones` +
      String.raw`|person)\b|\bno (?:worries|concerns) about (?:me|you)\b` +
      String.raw`|\bdown to (?:how )?(?:you|your|i|my|me)\b|\bhad a go at (?:me|you)\b|\b(?:\w+s|people|everyone) (?:like|love` +
      String.raw`|rate|trust) (?:me|you)\b|\byou (?:don't|never|always|keep) (?!know|worry|need|have to|mind|think|mean|guess` +
      String.raw`|reckon|suppose|feel)\w+` +
      String.raw`|\bcouldn't have\b.{0,60}\bwithout (?:me|you)\b|\bnot (?:where|good enough|up to|there yet)\b|\bask(?:s|ing|ed)? for (?:me|you)\b` +
      String.raw`|\b(?:keep|keeps|kept) asking for\b|\bask(?:ing|ed|s)? who (?:did|made|wrote|built|designed|cut) (?:it|that|this|them)\b`,
  ],
  /**
   * The user's moves told in the past tense ("offered to take…", "asked what it would take"), which
   * the analyzer, reading what a user writes to their manager, does not read as moves.
   */
  narratedOffer: [
    String.raw`^(?:i )?(?:offered|volunteered)\b|\basked (?:her|him|them|what|how|if|whether)\b.{0,40}\b(?:help` +
      String.raw`|take (?:something|anything|on)|off (?:her|his|their) plate|needs?|priorit)`,
  ],
  narratedCommit: [
    String.raw`^(?:i )?(?:agreed to|said i(?:'d| would)|committed to|promised to|took on|signed up (?:to` +
      String.raw`|for)|delivered|finished|shipped|sent|handed over|wrapped up|closed out)\b`,
  ],
  narratedGoal: [
    String.raw`^(?:i )?(?:raised|mentioned|brought up|asked about|told (?:her|him|them) (?:about )?|pitched|floated` +
      String.raw`|shared|said i want)\b.{0,40}\b(?:promotion|promo|promoted|senior|staff|lead|principal|manager` +
      String.raw`|management|raise|title|level|role|move|goal)\b`,
  ],
  narratedWhatItTakes: [
    String.raw`\basked (?:(?:her|him|them) )?(?:what|how)\b.{0,30}\b(?:it would take|i(?:'d| would) need|to get (?:there|to|promoted)|the bar|expectations?)\b`,
  ],
  narratedFeedbackAsk: [
    String.raw`\basked (?:(?:her|him|them) )?(?:for feedback|how (?:she|he|they) (?:sees?|sees|rates?|thinks?)|how i(?:'m| am) doing|what i could do better)\b`,
  ],
  /** A promise, in the speaker's own words. */
  promiseFirst: [
    String.raw`\b(?:i(?:'ll| will| shall)|i(?:'m| am) going to|i(?:'m| am) gonna|let me|i can (?:have|get` +
      String.raw`|send|do|finish|take|own|pick up|run|draft|write|set up|intro|introduce|share|put|check|look into` +
      String.raw`|ask|talk)|we(?:'ll| will))\s+`,
    String.raw`\b(?:i(?:'ve| have)? (?:agreed|promised|committed|volunteered|signed up|offered) to|i said i(?:'d` +
      String.raw`| would)|i told (?:her|him|them) i(?:'d| would)|i(?:'d| would) (?:take|own|handle|send|do` +
      String.raw`|get|write|draft|run|lead|pick up|look into|follow up))\s+`,
    String.raw`^(?:(?:and|so|then|also),? )?(?:agreed|promised|committed|volunteered|offered|will|going|signed up) to\s+|^will\s+` +
      String.raw`|^(?:(?:and|so|then|also),? )?(?:said|told (?:her|him|them)) i(?:'d| would| will|'ll)\s+|\bwhich i said i(?:'d| would)\s+`,
  ],
  /** An offer, a promise only once the other person takes it up ("happy to draft the FAQ if that helps"). */
  offer: [
    String.raw`\b(?:i(?:'m| am|'d be| would be) )?(?:happy|glad) to\s+|\b(?:i can|i could)\s+(?!(?:see|tell|imagine|understand|hear|feel|only|be|get why)\b)` +
      String.raw`|\b(?:want|would you like) me to\s+|\bshall i\s+`,
  ],
  /** A task the speaker said they are doing, told as now ("i'm doing sat overtime 19th"): a promise when it has a date. */
  promisePresent: [String.raw`\bi(?:'m| am) (?!going\b|gonna\b|thinking|wondering|hoping|worried|feeling|struggling|trying|not\b)(?=\w+ing\b)`],
  /** A promise reported of the other person ("she'll intro me", "you said you'd send"). */
  promiseReported: [
    String.raw`(?<![\w'])(?:she|he|they|{name}|you)(?:'ll| will| is going to| are going to| agreed to| promised to` +
      String.raw`| offered to| committed to| said (?:she|he|they|you)(?:'d| would| will| 'll)|(?:'s| is)? (?:going to|gonna)|(?:'d| would) (?:be happy` +
      String.raw`|love) to|'d(?! (?:been|be|have|had|like|love|rather|prefer|say|think|guess|need|want|told|said|asked|done|gone|got|seen|heard` +
      String.raw`|thought|sent|given|made|taken|met|spoken|left|read|already|just|never|\w+ed)\b))\s+|\band (?:also )?(?:offered|agreed|promised) to\s+`,
  ],
  /** Not a promise of anything to be done, however it is worded. */
  notAPromise: [
    String.raw`^(?:think|consider|see(?! (?:if|whether|about|what)\b)|mull|rather|prefer|sooner|sleep on|get back to (?:me|you) on|be (?:honest|fine|ok|okay` +
      String.raw`|happy|great|nice|good|thrilled)|bet|guess|admit|say|hope|try(?! to)|wait|let you know if)\b`,
    String.raw`^(?:need|have to|had to|be (?:out|away|off|angry|upset|mad|annoyed|fine|ok|okay|gone|back|late)|look (?!at|into|over|through|for)` +
      String.raw`|seem|sound|feel|lose|hate|love|like|forget|regret|probably|never|always|want|ask (?:about|why|what|how)|know)\b`,
    String.raw`^(?:talk|chat|speak|discuss|pick (?:it|this|that) up|come back to (?:it|this|that)|revisit)(?: (?:about|on) (?:it|this|that))?` +
      String.raw` (?:later|another time|some other time|in the new year|next (?:year|time|month|quarter)|after\b|when\b|once\b)`,
  ],
  /** The user's goal came up, in narration ("raised the staff promotion", "mentioned my goal"). */
  goalRaised: [
    String.raw`\b(?:raised|mentioned|brought up|asked about|pitched|floated|talked about|discussed|told (?:her` +
      String.raw`|him|them) about|shared) (?:my |the |our )?(?:promotion|goal|career|raise|growth|title|next role` +
      String.raw`|level|staff|senior|lead|ambition|plans|development|progression|move)\b`,
    String.raw`\b(?:my|your) (?:promotion|career|goal|goals|growth|raise|progression|development|next (?:role|step|level)|ambitions?)\b`,
    String.raw`\bwhat (?:do )?you want (?:to do|from your career|to be doing|next)\b|\bwhere (?:do )?you (?:want|see yourself)\b`,
    // Asking after or telling of a step in one's career: a role, a course, a promotion, an application.
    String.raw`\b(?:asked|asking|ask|raised|mentioned|brought up|told (?:her|him|them)|pitched|floated|talk(?:ed)? about|pushed|chased|followed up` +
      String.raw`|any (?:word|news|update|movement|progress) (?:on|about|re))\b.{0,100}?\b${CAREER}\b`,
    String.raw`\bi(?: want| wanted|'d| would)?(?: really)?(?: like| love| hope|'m hoping| am hoping| was hoping)? to\b.{0,40}?\b${CAREER}\b`,
    String.raw`\b(?:getting|get|put) (?:you|me) (?:on|onto|in|into|forward)\b`,
    String.raw`\b(?:a|the|my|your) move (?:to|into|onto)\b|\bas (?:the )?(?:acting|interim|deputy|assistant) \w+|\b(?:look at|consider) (?:me|you) for\b` +
      String.raw`|\b(?:nope|no|yes|not yet) (?:to|on|for) (?:the |my |your )?(?:\w+ ){0,2}(?:course|role|promotion|promo|post` +
      String.raw`|position|seat|job|application|training)\b`,
    String.raw`\bi(?: want| wanted|'d| would)?(?: really)?(?: like| love| hope|'m hoping| am hoping| was hoping)? to (?:go for|go into|move|be |become` +
      String.raw`|apply|get (?:promoted|into|onto|on|more)|lead|run|step up|train|progress|work towards|do more|do the \w+)`,
    String.raw`\bwhat (?:it|it'd|it would|i'd|i would|i|he'd|she'd|they'd|you'd|he would|she would|they would|you would) (?:would )?(?:take|need|want)\b` +
      String.raw`|\bmake the case\b|\bthe case stronger\b`,
  ],
  /** The user meant to raise the goal and did not: it did not come up. */
  goalNotRaised: [
    String.raw`\b(?:meant to|didn't get to|did not get to|forgot to|ran out of time|no time to|didn't (?:raise|ask|mention|bring)|next time)\b` +
      String.raw`|\b(?:wanting|wanted|planning|planned|hoping|going) to (?:raise|ask|bring|mention|talk|discuss|push)\b`,
  ],
  /** The other person engaging with the user's goal: a plan, a requirement, support, a question about it. */
  engaged: [
    String.raw`(?:'ll|will|'d|would|can|could|to|going to|happy to|glad to|offered to|agreed to)\s+(?:\w+\s+){0,2}(?:support` +
      String.raw`|sponsor|back|nominate|advocate|champion|mentor|introduce|connect)\b`,
    String.raw`\bput (?:me|you|my name|your name|my case|your case) (?:forward|up)\b|\b(?:promotion|growth|development|career) (?:case|plan|path|doc)\b`,
    String.raw`\bwhat (?:it|you(?:'d| would)|i(?:'d| would)) (?:would )?(?:take|need to (?:show|do))\b|\b(?:you` +
      String.raw`|i)(?:'d| would) need to (?:show|demonstrate|lead|own|deliver|get|be)\b`,
    String.raw`\bhere(?:'s| is) what (?:i|you|it)\b|\bthe gap (?:is|between)\b|\bto get (?:there|to (?:senior` +
      String.raw`|staff|lead|principal|manager|director))\b|\bexpectations? for (?:the next|senior|staff|that)\b`,
    String.raw`\b(?:great|good|real|exciting|solid) (?:goal|ambition)\b|\bmakes (?:a lot of )?sense for (?:you|me)\b|\b(?:i'd|i would) love to see you\b`,
    String.raw`\blet(?:'s| us) (?:talk|dig|map|make|build|put together|come up with|write|plan|work)\b.{0,40}\b(?:plan` +
      String.raw`|goal|promotion|path|case|steps|it|that)\b`,
    String.raw`\btell me more\b|\bwhat draws you\b|\bwhy (?:do you want|that role|staff|management|lead)\b|\bwhat (?:kind|sort) of (?:role|lead|work)\b`,
    String.raw`\b(?:laid|lays) out what\b|\bwalked me through (?:what|the)\b|\bexplained what (?:it|i)\b|\bagreed (?:on )?(?:a plan|the steps|what)\b`,
    String.raw`\b(?:stretch|lead|own|run) (?:the |a )?(?:project|migration|launch|initiative|workstream|team)\b.{0,30}\b(?:for you|as a step|toward|towards)\b`,
    // A yes, a path given as the steps to take, a word put in, a step set up.
    String.raw`\bsaid:? ["']?(?:absolutely|yes|of course|definitely|go for it)\b|\bsaid (?:i|you)(?:'d| would)? (?:need|should|must|have to|could)\b` +
      String.raw`|\bsaid (?:pass|lead|run|get|take|present|build|show|finish|complete|own|shadow|apply|write|do)\b`,
    String.raw`\b(?:have|had) a word with\b|\b(?:mention|put forward|recommend|suggest) (?:my|your) name\b|\bmy name to\b` +
      String.raw`|\btalk to (?:\w+ ){1,3}(?:about|in)\b` +
      String.raw`|\bwent (?:thru|through) it\b|\bsigned (?:it )?off\b|\basked (?:what|how|why|when)\b|\b(?:mock` +
      String.raw`|practice) (?:interview|panel|assessment)\b|\b(?:a|the) move to\b|\breferee\b` +
      String.raw`|\b(?:booked|signed|put|got|enrolled) (?:me|you) (?:on|up|onto|in|for|forward)\b|\b(?:i|you) (?:just |only |still )?need to\b` +
      String.raw`|\b(?:look at|consider) (?:me|you) for\b|\byes to\b`,
  ],
  /** The other person putting the goal off, waving it away or not answering it. */
  deflected: [
    String.raw`\bnot (?:now|yet|right now|the right time|a priority|this (?:quarter|year|cycle|round))\b|\bdown the (?:line|road|track)\b`,
    String.raw`\blet(?:'s| us) (?:see|revisit|park|wait|circle back|table|come back to|pick (?:that|this` +
      String.raw`|it) up later)\b|\bwe(?:'ll| will) see\b|\bmaybe (?:later|next|one day|at some point)\b`,
    String.raw`\bafter (?:the|this) (?:launch|release|quarter|reorg|project|migration|busy|audit|crunch` +
      String.raw`|peak)\b|\bonce (?:things|the \w+|this) (?:calms?|settles?|is over|ships)\b`,
    String.raw`\babove my pay ?grade\b|\bcan't promise\b|\bno promises\b|\bout of my hands\b|\bnot up to me\b` +
      String.raw`|\bhard to say\b|\bnot (?:something|the time) (?:i|we) can\b`,
    String.raw`\b(?:changed|change|changing) the subject\b|\bmoved on\b|\bbrushed (?:it |that )?off\b|\bwaved (?:it` +
      String.raw`|that) (?:off|away)\b|\bignored\b|\bshrugged\b|\blaughed it off\b`,
    String.raw`\b(?:didn't|did not|never|doesn't|does not) (?:really |quite )?(?:respond|engage|answer|react` +
      String.raw`|reply|say much|comment|pick (?:it|that) up|follow up|get back)\b|\bno (?:real )?(?:response` +
      String.raw`|answer|reaction|reply|comment)\b`,
    String.raw`\bfocus on (?:the|your|what's in front|delivering|the day job)\b|\b(?:think|thinking) about it\b` +
      String.raw`|\bget back to (?:me|you) (?:on|about) (?:that|it)\b|\b(?:a bit|too|bit) early\b`,
    String.raw`\bkeep doing what you're doing\b|\bit'll (?:come|happen|be remembered)\b|\bthese things take time\b` +
      String.raw`|\bin due course\b|\bvague\b|\bnon-?committal\b`,
    // Putting it off to a season, changing the subject, "yeah yeah".
    String.raw`\bafter (?:peak|ship|christmas|xmas|the new year|busy season|year end|(?:the|this) (?!\d)\w+)\b|\b(?:in|till|until) the new year\b` +
      String.raw`|\bnext[- ]year (?:conversation|thing)\b|\b(?:maybe|perhaps) next (?:year|time|cycle)\b|\bone thing at a time\b`,
    String.raw`\b(?:went back to|went straight to|went on about|picked up the phone|phone (?:went|rang)|(?:and )?that was it|nothing about|went quiet` +
      String.raw`|anyway|started \w+ing (?:up|about|away|on))\b|\bright time\b|\bno money\b|\btoo early\b|\byeah,? yeah\b` +
      String.raw`|\b(?:her|his|their) own (?:view|mind|opinion)\b|\blet's not (?:worry|get ahead|get into|go there|rush)\b` +
      String.raw`|\bahead of (?:ourselves|yourself)\b` +
      String.raw`|\b(?:nope|no) (?:to|on)\b|\b(?:didn'?t|did not|never) (?:even )?(?:look up|look at me|stop|pause)\b`,
  ],
} as const;
export type EntryCueId = keyof typeof ENTRY_CUES;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const compiled = new Map<string, RegExp>();

/** The cue as one pattern, with `{name}` standing for the other person's names (folded); compiled once per cue and names. */
export function cuePattern(id: EntryCueId, names: readonly string[] = []): RegExp {
  const key = `${id}\u0000${names.join('\u0000')}`;
  let pattern = compiled.get(key);
  if (!pattern) {
    const who = names.length > 0 ? names.map((n) => escape(n.toLowerCase())).join('|') : '\\u0000';
    pattern = new RegExp(ENTRY_CUES[id].map((p) => `(?:${p.replaceAll('{name}', `(?:${who})`)})`).join('|'));
    // Names come from users: keep the cache from growing with them.
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, pattern);
  }
  return pattern;
}
