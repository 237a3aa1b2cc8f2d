import type { CheckId } from '../rubric.js';
import type { BriefFact, HiddenBrief, PersonaId, ScenarioId } from './types.js';

type FactId = BriefFact['id'];
type FactText = Pick<BriefFact, 'fact' | 'revealLine'>;

export const FACT_IDS = ['need', 'perception', 'assumption', 'offer'] as const satisfies readonly FactId[];

const EMPLOYEE_EARNED_BY = {
  need: ['offers_help'],
  perception: ['asks_for_feedback'],
  assumption: ['states_goal'],
  offer: ['links_goal_to_needs', 'asks_what_it_takes', 'commits_to_task'],
} as const satisfies Record<FactId, readonly CheckId[]>;

/**
 * Which user moves earn each fact, per scenario. In advanced mode telling the leader what you
 * already fixed also earns their priority and their view of your initiative; in
 * `manager-initiated` the user is the manager and earns the employee's facts with manager moves.
 */
export const EARNED_BY: Record<ScenarioId, Record<FactId, readonly CheckId[]>> = {
  'performance-check': EMPLOYEE_EARNED_BY,
  'offer-help': EMPLOYEE_EARNED_BY,
  'unglamorous-task': EMPLOYEE_EARNED_BY,
  'goal-alignment': EMPLOYEE_EARNED_BY,
  'follow-up': EMPLOYEE_EARNED_BY,
  'advanced-update': {
    ...EMPLOYEE_EARNED_BY,
    need: ['offers_help', 'keeps_leader_informed'],
    perception: ['asks_for_feedback', 'keeps_leader_informed'],
  },
  'manager-initiated': {
    need: ['asks_about_goals'],
    perception: ['clarifies_expectations'],
    assumption: ['names_stretch_work'],
    offer: ['offers_partnership'],
  },
};

function brief(personaId: PersonaId, scenarioId: ScenarioId, situation: string, facts: Record<FactId, FactText>): HiddenBrief {
  return {
    personaId,
    scenarioId,
    situation,
    facts: FACT_IDS.map((id) => ({ id, fact: facts[id].fact, revealLine: facts[id].revealLine, earnedBy: EARNED_BY[scenarioId][id] })),
  };
}

/**
 * What each persona knows, needs and assumes in each scenario it plays, hidden from the user until
 * the session ends. A manager persona keeps one workplace and one set of pressures across its six
 * scenarios; what it needs changes with the scenario.
 */
export const BRIEFS: readonly HiddenBrief[] = [
  // ---------------------------------------------------------------------------------------------
  // Priya Raman (supportive-busy): payments platform team, covering a second team, PCI audit in March.
  brief(
    'supportive-busy',
    'performance-check',
    "Priya has been covering a second team since Omar left in the spring, and mid-year calibration is in two weeks. She has a clear view of the user's work but hasn't found a spare half hour to share it, and her own to-do list keeps growing.",
    {
      need: {
        fact: 'Priya needs someone to finish the half-done rewrite of the payments on-call handbook, which has sat on her list since the spring.',
        revealLine:
          "Oh, since you're asking — the on-call handbook. I got halfway through rewriting it in April and it's been glaring at me ever since. If that came off my plate before calibration, I'd genuinely owe you.",
      },
      perception: {
        fact: "Priya rates the user's code among the cleanest on the team, but thinks their impact is invisible beyond it because they never write up decisions or demo their work.",
        revealLine:
          "Honestly? Reviewing your PRs is a breeze — it's some of the best code we have. The problem is that nobody outside standup sees it. You don't write things up, you don't demo, so at calibration I'm the only person in the room who knows what you did.",
      },
      assumption: {
        fact: 'Priya assumed the user was content at their current level because they had never once raised promotion with her.',
        revealLine:
          "Huh. Okay, I'll own this one: I had you down as happy where you are. You've never brought it up, so I never pushed. That changes how I walk into calibration.",
      },
      offer: {
        fact: "Priya would argue the user's case at calibration herself and give them the billing-migration design slot at next month's engineering all-hands.",
        revealLine:
          "Here's what I can do. Next month's all-hands has a slot for the billing migration design — you present it, not me. And I'll write your calibration case myself, using whatever you've written up as evidence.",
      },
    },
  ),
  brief(
    'supportive-busy',
    'offer-help',
    "It's planning week: the Q3 doc is due to the director on Friday, Priya is interviewing four backend candidates, and the billing migration is two sprints behind. She is cheerful about it in the way people are when they haven't slept.",
    {
      need: {
        fact: 'Priya needs a first draft of the payments section of the Q3 planning doc, with effort estimates, by Thursday night.',
        revealLine:
          'Can I be really cheeky? The Q3 doc. I need our part of it drafted — scope, rough estimates, risks — by Thursday night so I can edit on Friday morning. If you took a first pass, you would save my week.',
      },
      perception: {
        fact: 'Priya sees the user as dependable on whatever is assigned to them, but as someone who waits to be told what to pick up next.',
        revealLine:
          "You're rock-solid on anything I hand you — I never worry about it. What I don't see much of is you picking things up before I ask. Which is partly why this conversation is a nice surprise.",
      },
      assumption: {
        fact: 'Priya assumed the user wanted more interesting technical problems rather than a step in their career.',
        revealLine:
          "Oh, interesting. I thought you were after juicier tech problems — I'd been quietly saving the fraud-model work for you. A real career goal is different, and honestly easier for me to help with.",
      },
      offer: {
        fact: 'If the user drafts the payments section, Priya will have them present it in the director review and will cite it in their next performance review.',
        revealLine:
          'Deal. If you write that section, you present it to the director — your work, your name on the slide. And it goes straight into your next review as evidence you can plan at the next level.',
      },
    },
  ),
  brief(
    'supportive-busy',
    'unglamorous-task',
    'CI on the payments repo fails about one run in three, forty tests sit in quarantine, and the PCI audit in March needs a clean, passing pipeline. Nobody has volunteered, and Priya is tired of asking in standup.',
    {
      need: {
        fact: 'Priya needs the forty quarantined payment tests fixed or deleted and the pipeline green for two straight weeks before the PCI audit in March.',
        revealLine:
          "The real reason: the auditors look at our pipeline in March. Every one of those quarantined tests has to be fixed or deleted, and I need two clean weeks of green builds before they arrive. Otherwise it's a finding, and findings land on me.",
      },
      perception: {
        fact: 'Priya chose the user because they write the most careful tests on the team, not because they are the least busy.',
        revealLine:
          "And just so you know why it's you — it's not because you have the emptiest board. Your tests are the ones that actually catch things. I'd trust you to tell a flaky test from a real bug.",
      },
      assumption: {
        fact: 'Priya assumed the user might take the task as a sign they were not trusted with feature work.',
        revealLine:
          "Oh, good. I was half-worried you'd hear 'flaky tests' and think I'd parked you on the sidelines. Now I know what you're aiming at, I can make this count toward it.",
      },
      offer: {
        fact: 'If the pipeline is green by March, Priya will give the user first pick of projects in the new fraud-detection workstream.',
        revealLine:
          'Here is the other side of it: the fraud-detection workstream kicks off in April. Get us green for the audit and you choose your project in it before anyone else does.',
      },
    },
  ),
  brief(
    'supportive-busy',
    'goal-alignment',
    'The promotion cycle opens in six weeks and Priya can argue for one promotion this round. The billing-service migration has had no technical lead since she took on the second team, and it is the project her director watches most closely.',
    {
      need: {
        fact: 'Priya needs a technical lead for the billing-service migration, the project her director watches most closely.',
        revealLine:
          "What I'm missing most is someone to drive the billing migration day to day. Right now it's me, in fifteen-minute fragments, and the director asks about it every single week.",
      },
      perception: {
        fact: 'Priya sees the user as already executing at senior level but lacking the cross-team influence that level also requires.',
        revealLine:
          "Straight answer? Your delivery is already there. What's missing is influence beyond our team — getting the billing folks and the platform folks to agree on something because you made the case.",
      },
      assumption: {
        fact: 'Priya assumed the user was in no hurry about promotion and would raise it when they felt ready.',
        revealLine:
          "Oh! Good. I'd assumed you'd tell me when you were ready, and I didn't want to rush you. Six weeks is tight, but it's doable if we're deliberate about it.",
      },
      offer: {
        fact: 'If the user leads the billing migration through cutover, Priya will put them up for promotion this cycle with the migration as the centrepiece of the case.',
        revealLine:
          "Here's the honest version: lead the migration — the design, the cross-team calls, the cutover plan — and I'll put you forward this cycle with that at the core of your packet. It's exactly the evidence of influence the committee wants.",
      },
    },
  ),
  brief(
    'supportive-busy',
    'follow-up',
    "Six weeks ago the user took the on-call handbook off Priya's plate. Since then the director has announced a reorg merging payments with the billing team, Priya has lost a headcount, and three billing engineers join her team next month.",
    {
      need: {
        fact: 'Priya now needs someone to onboard the three engineers joining from the billing team in the reorg.',
        revealLine:
          "What's changed: three people from billing land on our team on the first, and I don't have an onboarding plan — I barely have a desk plan. If someone owned getting them productive, I'd sleep again.",
      },
      perception: {
        fact: 'Priya thinks the handbook rewrite has already cut pages to on-call by about a third, and she has told the director so.',
        revealLine:
          "The handbook? It's working. We're getting paged roughly a third less since it went live, and I told the director it was your doing — I hope that's okay.",
      },
      assumption: {
        fact: "Priya assumed the user's goal had cooled, since they had not mentioned it in six weeks of reorg chaos.",
        revealLine: "Ah, you're still on it — good. You'd gone quiet, and with the reorg I assumed it had slipped down your list. I should have asked.",
      },
      offer: {
        fact: 'Priya will put the user in the group designing the merged team, which gives them the cross-team visibility their goal needs.',
        revealLine:
          "Then let me do something useful: there's a small group working out how the merged team will run. I'll put you in it. That's the visibility across teams you need, and it's happening right now.",
      },
    },
  ),
  brief(
    'supportive-busy',
    'advanced-update',
    'Priya presents payment-incident numbers to the CTO on the 14th, and the quarter has been rough. She is between back-to-back meetings and has twice this month heard about changes on her own team from other people first.',
    {
      need: {
        fact: "Priya's top priority this month is cutting payment incidents before she presents reliability numbers to the CTO on the 14th.",
        revealLine:
          "Okay, that's great timing. Incidents are what I'm measured on right now — I'm in front of the CTO with our numbers on the 14th. Anything that keeps us out of the incident channel helps me directly.",
      },
      perception: {
        fact: 'Priya values how readily the user fixes things unasked, but has been caught out in meetings by changes she had not heard about.',
        revealLine:
          "I love that you just fix things. I'd also love to hear about them from you first — twice this month someone told me about a change on our team in a meeting, and I looked like I didn't know my own team.",
      },
      assumption: {
        fact: 'Priya assumed the user fixes things alone because they prefer to work solo, not because they want to lead.',
        revealLine:
          "Oh, interesting. I'd read you as someone who likes to get on with things quietly, on your own. If you want to lead, this is exactly the evidence — people just need to see it.",
      },
      offer: {
        fact: 'Priya will bring the user into the CTO reliability review to present their fix in person.',
        revealLine:
          'Come to the CTO review with me on the 14th and present this yourself — five minutes: what broke, what you did, what it saves. Better coming from you than from me.',
      },
    },
  ),

  // ---------------------------------------------------------------------------------------------
  // Marcus Okafor (overwhelmed): surgical ward, four nurses short, inspection coming.
  brief(
    'overwhelmed',
    'performance-check',
    "The ward is four registered nurses short and Marcus has worked three of the last seven night shifts himself. Half the ward's appraisals are overdue, and he mostly knows the user's work through handovers, incident forms and the odd thank-you card.",
    {
      need: {
        fact: "Marcus needs someone to chase the ward's mandatory-training compliance, which sits at 71 percent against a 90 percent target.",
        revealLine:
          "Honestly? Mandatory training. We're at seventy-one and the trust wants ninety. It's chasing people for e-learning and booking the manual handling sessions, and I just haven't got the hours. If you took that on, I could breathe.",
      },
      perception: {
        fact: 'Marcus sees the user as one of the safest nurses on nights, but has noticed they step back from taking charge when the coordinator is off.',
        revealLine:
          "You're one of the people I never worry about on nights. Obs done, notes clean, patients like you. The one thing — when the coordinator's off, you let someone else take charge, even when you're the best placed. I notice that.",
      },
      assumption: {
        fact: 'Marcus assumed the user was thinking of leaving for agency work, as three colleagues did this year.',
        revealLine:
          "Oh, thank God. Sorry — I've lost three to agency this year, and when you asked for a meeting I assumed you were about to hand in your notice. This is a much better conversation.",
      },
      offer: {
        fact: "Marcus would put the user forward for the trust's charge nurse development course and roster them for supervised charge shifts.",
        revealLine:
          "Right, then. There's a development course for charge nurses starting in the new year — I'll put your name down. And I'll put you in charge on a few shifts when I'm on, so you've got someone behind you.",
      },
    },
  ),
  brief(
    'overwhelmed',
    'offer-help',
    'The new e-rostering system goes live on the 1st, an inspection could be announced any week, and the matron wants a falls action plan. Marcus has three versions of the roster on paper and no time to enter any of them.',
    {
      need: {
        fact: "Marcus needs someone to build the ward's first four-week roster in the new e-rostering system before go-live on the 1st.",
        revealLine:
          "You mean it? Okay. The e-roster. It goes live on the first and four weeks of shifts have to be in it — requests, skill mix, the lot. I've got it all on paper, just not the time to sit and type it in. That would be huge.",
      },
      perception: {
        fact: 'Marcus finds the user dependable on shift but hardly knows them, because they rarely speak at huddles.',
        revealLine: "Good on shift, always. But I'll be honest, I don't really know you — you don't say much at huddles. I'd like to hear more from you.",
      },
      assumption: {
        fact: 'Marcus assumed the user cared only about clinical work and had no interest in how the ward is run.',
        revealLine:
          "Really? I'd put you down as purely clinical — someone who wants to nurse and leave the admin to me. That's good to hear. Wards need people who want both.",
      },
      offer: {
        fact: "Marcus would make the user the ward's super-user for e-rostering, with protected admin time and their name on the go-live report.",
        revealLine:
          "Tell you what: do the roster and you're our go-to person for the system. I'll give you a protected admin day a month, and your name goes on the report to the trust, not mine.",
      },
    },
  ),
  brief(
    'overwhelmed',
    'unglamorous-task',
    'The last quality report showed the resuscitation trolley checks missed eleven times in two months, and inspectors always look at that log. The job keeps falling between shifts because everyone assumes someone else has done it.',
    {
      need: {
        fact: 'Marcus needs the resuscitation trolley checked and logged every day and its stock audited monthly, because eleven missed checks showed up in the last quality report.',
        revealLine:
          "Why I'm going on about it: eleven missed checks in two months, there in black and white in the quality report. The inspectors will go straight to that log. I need it done every single day, and the stock audit once a month with it.",
      },
      perception: {
        fact: 'Marcus chose the user because their documentation is the most consistently complete on the ward.',
        revealLine:
          "And it's you because your paperwork is the best on the ward. Every time I audit notes, yours are done properly. That's exactly what this log needs.",
      },
      assumption: {
        fact: "Marcus assumed the user would push back and say the checks were a healthcare assistant's job.",
        revealLine:
          "Oh — thank you. I'd braced myself for 'that's the HCAs' job'. And knowing what you're working toward, I can make sure this counts for something.",
      },
      offer: {
        fact: "Marcus will record the user's name against the improvement in the inspection evidence and back their application for the charge nurse course.",
        revealLine:
          "If the log's clean for three months, your name goes on it in the evidence for the inspectors — you fixed it, and it says so. And I'll back you for the charge nurse course when applications open.",
      },
    },
  ),
  brief(
    'overwhelmed',
    'goal-alignment',
    "Denise, one of the ward's two charge nurses, retires in the spring and her post will be advertised. Meanwhile falls on the ward are up 30 percent this year and the matron wants a reduction plan by the end of the month.",
    {
      need: {
        fact: "Marcus needs someone to lead the ward's falls-reduction work, since falls are up 30 percent and the matron wants a plan by the end of the month.",
        revealLine:
          "What's keeping me up is falls. Thirty percent up this year. Matron wants a plan on her desk before the month's out — bay checks, bed rails, the lot — and I've not even started.",
      },
      perception: {
        fact: "Marcus rates the user's clinical judgement highly but has never seen them lead a team through a busy shift.",
        revealLine:
          "Clinically, I'd trust you with anyone on this ward. What I haven't seen yet is you running a shift when it all goes wrong — two admissions, a sick patient and bank staff who don't know the ward.",
      },
      assumption: {
        fact: 'Marcus assumed the user would want at least another year on the ward before going for anything more senior.',
        revealLine:
          "Oh, right. I'd assumed you wanted another year or so before going for anything. Shows how much time I've had to actually talk to people. Okay.",
      },
      offer: {
        fact: "If the user leads the falls project, Marcus will give them charge shifts from next month and support their application for Denise's post.",
        revealLine:
          "So: you lead on falls — the plan, the bay checks, getting the team on board — and I'll start putting you in charge on shifts from next month. When Denise's job goes out, you'll have something real to write about, and you'll have me backing you.",
      },
    },
  ),
  brief(
    'overwhelmed',
    'follow-up',
    'A month ago the user took on the e-rostering setup, and go-live went smoothly. Since then the inspection date has been confirmed for three weeks from now, and two more nurses have handed in their notice.',
    {
      need: {
        fact: "Marcus now needs help assembling the ward's evidence folder before the inspection in three weeks.",
        revealLine:
          "What's changed? They've confirmed the inspection — three weeks. I need the evidence pulled together: audits, training figures, the falls plan, action logs. It's all somewhere, just not in one place.",
      },
      perception: {
        fact: "Marcus thinks the user's roster has noticeably cut last-minute agency bookings, and the matron has commented on it.",
        revealLine:
          "The roster's been brilliant, honestly. We've barely booked agency last minute since go-live, and matron asked me who set it up. I told her.",
      },
      assumption: {
        fact: 'Marcus assumed the user had shelved their goal while the ward was in crisis.',
        revealLine:
          "You're still thinking about that? Good. I'd assumed you'd put it on the back burner with everything going on. I don't want it to get lost.",
      },
      offer: {
        fact: 'Marcus will put the user on the interview panel for the two vacant staff nurse posts, as leadership experience toward their goal.',
        revealLine:
          "Right — I'm interviewing for the two vacancies next month. Sit on the panel with me. It's proper leadership experience, and it'll look good on any application you make.",
      },
    },
  ),
  brief(
    'overwhelmed',
    'advanced-update',
    "The inspection is due next month, and the ward's last report flagged gaps in safety checks and in communication between shifts. Marcus is between the bed meeting and a complaint call.",
    {
      need: {
        fact: "Marcus's top priority is getting through next month's inspection without a safety finding on the ward.",
        revealLine:
          "Sorry — that's brilliant. Anything that tightens up safety helps me. The inspectors are in next month and what I'm dreading is them writing something up against this ward.",
      },
      perception: {
        fact: "Marcus trusts the user's judgement but worries when ward routines change without the other shifts being told.",
        revealLine:
          'Good call, and I trust your judgement. Just one thing: make sure nights and weekends know too. Last time something changed on days, nobody told nights, and it caused more trouble than the original problem.',
      },
      assumption: {
        fact: 'Marcus assumed the user takes initiative because they like things done their way, not because they want more responsibility.',
        revealLine: "Oh, is that where you're heading? I thought you just liked things done properly — your way. I didn't clock it as ambition. That's useful.",
      },
      offer: {
        fact: 'Marcus will ask the user to present the change at the next ward governance meeting and log it as leadership evidence for their appraisal.',
        revealLine:
          "Present it at governance next month — what you saw, what you changed, what happened. I'll write it into your appraisal as leadership. It's exactly the kind of thing interview panels ask about.",
      },
    },
  ),

  // ---------------------------------------------------------------------------------------------
  // Helen Voss (skeptical): twelve stores, region ninth of fourteen, judged on shrink and labour.
  brief(
    'skeptical',
    'performance-check',
    "Quarterly reviews are next week. The user's store sits mid-table in a region ranked ninth of fourteen, and Helen has the figures on her tablet. She has a clear view of the user that she will share only if asked directly.",
    {
      need: {
        fact: "Helen needs the region's shrink under 1.5 percent of sales by year end, and has too few store managers she trusts to help fix it.",
        revealLine:
          'What I need is stock loss down. We are at two point one percent of sales across the region and I have committed to one and a half by December. Twelve managers, and about three I would trust to help me get there.',
      },
      perception: {
        fact: "Helen thinks the user's store runs smoothly day to day, but that their weekly reports explain the numbers rather than change them.",
        revealLine:
          'Your store runs well. Clean, staffed, no drama. But your weekly reports tell me why the figures happened. I would like to read one that tells me what you changed.',
      },
      assumption: {
        fact: 'Helen assumed the user was content to coast for another year in the same store.',
        revealLine:
          "I'll be honest: I assumed you were comfortable. Good store, no complaints, another year of the same. That's not a criticism. It's what it looked like from where I sit.",
      },
      offer: {
        fact: 'Helen would give the user a regional project with her backing and a seat at the quarterly business review.',
        revealLine:
          "If you're serious, there's a project across the region with your name on it and my support, and a chair at the quarterly review where the regional director can see you. That's what I can offer and I won't dress it up.",
      },
    },
  ),
  brief(
    'skeptical',
    'offer-help',
    "Christmas peak starts in seven weeks. Two of Helen's store managers are new, and head office has asked her to cut agency labour by ten percent without hurting service.",
    {
      need: {
        fact: 'Helen needs a peak-season staffing plan for the region that cuts agency hours by ten percent.',
        revealLine:
          "Since you offered. Peak staffing. Head office wants agency hours down a tenth across the region with service held. I need a plan by store, by week. Nobody's built it yet.",
      },
      perception: {
        fact: 'Helen sees the user as competent in their own store but has not yet seen them do anything beyond it.',
        revealLine: "You run your own store competently. I haven't seen you do anything outside it. That isn't a complaint. It's the gap.",
      },
      assumption: {
        fact: 'Helen assumed the offer of help was a lead-in to asking for a pay rise.',
        revealLine: "Right. I'll admit I was waiting for the catch — I assumed this was heading toward pay. A specific goal I can work with. Go on.",
      },
      offer: {
        fact: 'Helen would let the user run the peak staffing plan across all twelve stores and present the results to the regional director.',
        revealLine:
          "Build the plan and you run it in every store, not just yours. If it works, you take the results to the regional director yourself in January. If it doesn't, you'll still have learned more than in a year in one store.",
      },
    },
  ),
  brief(
    'skeptical',
    'unglamorous-task',
    "Stock-count accuracy is the region's weakest number and the January audit is coming. Reconciling twelve stores' count sheets against the system takes four hours every Monday, and whoever was free has been doing it badly.",
    {
      need: {
        fact: 'Helen needs the weekly stock-count reconciliation for all twelve stores done every Monday until the January audit.',
        revealLine:
          "Why it matters: the auditors arrive in January and they'll sample our counts. Every store reconciled, every Monday, until then. Every Monday. Not most.",
      },
      perception: {
        fact: "Helen chose the user because their store's counts have matched the system to the unit for three quarters running.",
        revealLine: "It's you because your counts have matched the system for three quarters. To the unit. I checked. Nobody else in the region can say that.",
      },
      assumption: {
        fact: 'Helen assumed the user would try to hand the task to their deputy.',
        revealLine:
          "Good. I'd half expected you to tell me your deputy would do it. And now I know what you're after, this is a better place to start than you think.",
      },
      offer: {
        fact: 'If the reconciliations are on time through January, Helen will sponsor the user for the company-funded retail leadership course.',
        revealLine:
          "Do it every Monday until the audit, on time, and I'll sponsor you for the leadership course the company pays for. Twelve places nationally. My sponsorship counts.",
      },
    },
  ),
  brief(
    'skeptical',
    'goal-alignment',
    "Next year the company pilots an area-manager role between store and region, and Helen may nominate two people. Three of her stores account for most of the region's shrink, and she has no time to coach their managers.",
    {
      need: {
        fact: 'Helen needs someone to coach the managers of her three worst stores on shrink, because she has no time to do it herself.',
        revealLine:
          "My problem is three stores. They make up most of our losses, their managers are new or struggling, and I'm in a different store every day. Someone has to coach them properly, week in, week out.",
      },
      perception: {
        fact: "Helen sees the user's results as good but not exceptional, and does not yet see them as someone other managers follow.",
        revealLine: "Your results are good. Not exceptional. And I haven't yet seen other managers come to you for advice. That's what the next level runs on.",
      },
      assumption: {
        fact: 'Helen assumed the user had not thought further ahead than running a bigger store.',
        revealLine: "I didn't expect that. I thought your ambition stopped at a bigger store. Fine — that changes what I'd want to see from you.",
      },
      offer: {
        fact: 'If the user coaches two struggling store managers and their shrink falls by March, Helen will nominate them for the area-manager pilot.',
        revealLine:
          "Here's the deal, and I'll say it once. Take two of those managers. If their losses come down by March, I nominate you for the pilot. If they don't, I don't. Clear?",
      },
    },
  ),
  brief(
    'skeptical',
    'follow-up',
    'Two months ago the user took on the peak staffing plan; agency hours came in eight percent down rather than ten, with service held. January sales are flat and head office now wants a labour-cost review.',
    {
      need: {
        fact: 'Helen now needs a labour-cost review of all twelve stores, with recommendations, for head office by the 31st.',
        revealLine:
          "What's new: head office wants our labour costs reviewed, store by store, with recommendations, by the end of the month. January's flat and they're hunting for savings. I need someone who already understands our hours.",
      },
      perception: {
        fact: 'Helen thinks the staffing plan missed its target but was the most honest forecast she received all year.',
        revealLine: 'Eight percent, not ten. You missed. But yours was the only forecast this year that told me the truth in advance, and I noticed.',
      },
      assumption: {
        fact: 'Helen assumed the user had dropped their goal after missing the ten percent target.',
        revealLine: "You're still going for that? I assumed falling short had knocked it out of you. Good. It shouldn't have.",
      },
      offer: {
        fact: 'Helen will take the user to head office to present the labour findings in person.',
        revealLine:
          "Do the review and you come to head office with me and present it. Your analysis, your voice. I'll be in the room, but I won't speak for you.",
      },
    },
  ),
  brief(
    'skeptical',
    'advanced-update',
    "The region ranks ninth of fourteen, and the regional director reviews the league table on the 20th. Helen has heard nothing from the user's store in two weeks, which in her experience means either very good or very bad news.",
    {
      need: {
        fact: "Helen's priority this quarter is lifting the region from ninth into the top half of the company league table before the regional director's review on the 20th.",
        revealLine:
          'Right. Everything I do this quarter is about the league table. We are ninth. The regional director looks at it on the 20th and I want us in the top seven. If your fix moves a number, it moves mine.',
      },
      perception: {
        fact: 'Helen respects people who fix things without asking, but only when they bring before-and-after numbers.',
        revealLine:
          'Good. I like people who fix things without waiting for me. What I like more is the before and after. Bring me figures and I will believe you.',
      },
      assumption: {
        fact: 'Helen assumed the user fixed problems in their store to protect their own bonus, not with an eye on a bigger role.',
        revealLine: "Interesting. I'd assumed you were protecting your store's bonus. If you're thinking beyond the store, that's a different conversation.",
      },
      offer: {
        fact: 'Helen will ask the user to roll the fix out to two other stores, credited to them in her report to the regional director.',
        revealLine: "Roll it out to two more stores. If it holds, it goes in my report upstairs under your name. Not 'the region'. You.",
      },
    },
  ),

  // ---------------------------------------------------------------------------------------------
  // Graham Talbot (assumes-path): branding agency, big retainer up for renewal, margins down.
  brief(
    'assumes-path',
    'performance-check',
    "Harlow & Finch, the agency's biggest retainer, is up for renewal in April, and the client's new marketing head is unhappy with the reporting. Graham likes the user enormously and has privately mapped out their next five years without asking them.",
    {
      need: {
        fact: "Graham needs the Harlow & Finch retainer renewed in April, and the client's new marketing head wants clearer monthly reporting first.",
        revealLine:
          "Between us? Harlow & Finch. The renewal's in April and their new marketing chief thinks our monthly reports are waffle. If those reports got sharper, I'd sleep a great deal better.",
      },
      perception: {
        fact: "Graham thinks the user's client relationships are excellent, but their project margins have slipped two quarters running because of unbilled scope.",
        revealLine:
          "Clients adore you, truly — I hear it all the time. The one thing: margins. Two quarters in a row your projects have come in thin, because you say yes to extras and nobody bills them. That's what the partners look at.",
      },
      assumption: {
        fact: 'Graham assumed the user wanted to become an account director, following his own route.',
        revealLine:
          "Ha! Well, that's me told. I'd had you pencilled in as an account director in two years — the way I went. Shows what I know. Tell me more about that.",
      },
      offer: {
        fact: 'Graham would pair the user with whichever senior person at the agency best fits their goal and free up a day a fortnight for it.',
        revealLine:
          "Tell you what: I'll pair you with whoever here is closest to what you want to do, and I'll get you one day in every two weeks off the accounts to work with them. No point me steering you somewhere you don't want to go.",
      },
    },
  ),
  brief(
    'assumes-path',
    'offer-help',
    "The agency pitches for Northgate Bank's rebrand in three weeks, its biggest pitch in years, while Harlow & Finch still needs hand-holding. The business-development lead left last month and Graham is doing both jobs.",
    {
      need: {
        fact: 'Graham needs someone to assemble the credentials deck and case studies for the Northgate Bank pitch by the 18th.',
        revealLine:
          "Since you ask — Northgate. We pitch on the 25th and I need our credentials and three case studies in a deck by the 18th. It's the bit I always leave till last, and I can't this time.",
      },
      perception: {
        fact: 'Graham sees the user as a safe pair of hands on existing accounts but had never thought of them for new business.',
        revealLine:
          "You're brilliant with the clients we've got — safe hands. Funnily enough, I'd never thought of you for new business. Perhaps I should have.",
      },
      assumption: {
        fact: 'Graham assumed the user was happy running the same accounts for the foreseeable future.',
        revealLine: 'Really? I thought you were settled — happy with your accounts, not looking for anything new. Good to know I was wrong. Go on.',
      },
      offer: {
        fact: 'Graham would put the user in the pitch room at Northgate and on the account team if the agency wins.',
        revealLine: "Do the deck and you're in the room with me on the day. And if we win it, you're on that account from day one. That's a promise.",
      },
    },
  ),
  brief(
    'assumes-path',
    'unglamorous-task',
    "The partners' finance review is on the 30th and the agency's five retainers carry months of unbilled hours. Someone has to go through two quarters of timesheets and raise change orders, and the account team is avoiding it.",
    {
      need: {
        fact: "Graham needs the unbilled hours on the agency's five retainers reconciled and change orders raised before the partners' finance review on the 30th.",
        revealLine:
          "The reason I'm on my knees: the partners' finance review at the end of the month. Five retainers, two quarters of timesheets and a pile of extras nobody ever billed. I need it squared away and change orders drafted by then, or it's me explaining the margins.",
      },
      perception: {
        fact: 'Graham picked the user because they are the only account manager whose timesheets finance never has to chase.',
        revealLine:
          "It's you because you're the only one finance never chases. Your hours are in every Friday, without fail. You know where the bodies are buried.",
      },
      assumption: {
        fact: 'Graham assumed the user would see admin as beneath a client-facing role, as he did at their age.',
        revealLine:
          "Well, good. I'd have sulked at your age, honestly — I thought admin was beneath me. And now I know what you're aiming for, I can make this work for you.",
      },
      offer: {
        fact: 'Graham will have the user present the margin findings to the partners, putting them in front of the people who decide promotions.',
        revealLine:
          "Get it done and you present what you found to the partners yourself. That's the room where promotions get decided, and I want them to see who fixed it.",
      },
    },
  ),
  brief(
    'assumes-path',
    'goal-alignment',
    "Graham is restructuring client services for next year and has a little room to shape roles. The agency's new-business pipeline has dried up since the business-development lead left, and the partners keep asking him what he will do about it.",
    {
      need: {
        fact: "Graham needs an owner for the agency's new-business pipeline, which has dried up since the business-development lead left.",
        revealLine:
          "What I need? New business. Since Leo left, nobody's chasing leads, following up or keeping the CRM alive. The partners ask me about it every month and I've nothing to tell them.",
      },
      perception: {
        fact: 'Graham thinks the user is strong with clients but too quick to agree to scope creep.',
        revealLine:
          "You're excellent with clients. Maybe too excellent — you say yes to everything they ask, and we end up doing it for free. Learning to hold a line would serve you whichever way you go.",
      },
      assumption: {
        fact: "Graham assumed the user's next step was account director, because it had been his.",
        revealLine:
          "Oh! Right. I'd have bet money you wanted to be an account director, because — well, because I did. I should have asked instead of planning. Tell me what that looks like for you.",
      },
      offer: {
        fact: 'If the user builds the new-business pipeline for six months, Graham will shape a role around their goal in the restructure and take it to the partners.',
        revealLine:
          "Here's what I can do. Take the pipeline for six months — get it moving again. I'm redrawing roles for next year anyway; I'll shape one around what you've just told me and argue for it with the partners myself.",
      },
    },
  ),
  brief(
    'assumes-path',
    'follow-up',
    'A month ago the user built the credentials deck for the Northgate pitch, and the agency made the shortlist. The final presentation is in ten days, and a senior strategist has just resigned.',
    {
      need: {
        fact: "Graham now needs someone to cover the departing strategist's two accounts for six weeks while he hires a replacement.",
        revealLine:
          "What's changed: Amira's resigned. Two of her accounts need looking after for six weeks while I find someone, and with Northgate in ten days I can't do it myself.",
      },
      perception: {
        fact: "Graham thinks the user's credentials deck is the main reason the agency made the Northgate shortlist.",
        revealLine:
          "The deck. Their procurement lead told me it was the best they'd seen. We're still in the running because of you, and I've told the partners so.",
      },
      assumption: {
        fact: 'Graham assumed that after the pitch work the user would now want to move into new business full time.',
        revealLine: "Ah — I'd jumped ahead and decided you'd caught the new-business bug after the pitch. Good thing you said. Same goal as before, then?",
      },
      offer: {
        fact: "Graham will make the user co-presenter at the Northgate final and write them into the growth plan he's taking to the partners.",
        revealLine: "You present the final with me, side by side. And I'm writing you into next year's plan for the partners — by name.",
      },
    },
  ),
  brief(
    'assumes-path',
    'advanced-update',
    "The partners review agency margins monthly, and this quarter's are down. Graham is between a client lunch and a pitch rehearsal, and only half-listening until something touches money.",
    {
      need: {
        fact: "Graham's priority this quarter is agency margin, which the partners review every month and which is down.",
        revealLine:
          "Ah, now that's music to my ears. Margins are what the partners beat me with every month, and they're down this quarter. Anything that saves hours we can't bill is gold.",
      },
      perception: {
        fact: "Graham likes the user's initiative but thinks they undersell their own work.",
        revealLine:
          "See, this is you all over — you fix something big and mention it like you're apologising. Shout a bit louder. Nobody notices what you don't tell them.",
      },
      assumption: {
        fact: 'Graham assumed the user fixed the problem because it annoyed them, not because they are aiming for a bigger role.',
        revealLine: "Oh! I thought you'd just got fed up with it — scratching an itch. I hadn't twigged you were building toward something. Good.",
      },
      offer: {
        fact: "Graham will mention the fix by name at the partners' meeting and ask the user to write it up as the agency's standard process.",
        revealLine:
          "Write it up as a one-pager and we'll make it how the whole agency works. And I'll name you when I tell the partners — your fix, not 'the team'.",
      },
    },
  ),

  // ---------------------------------------------------------------------------------------------
  // Sofia Marín (new-manager): head of support three weeks in, 600-ticket backlog, 90-day plan.
  brief(
    'new-manager',
    'performance-check',
    'Sofia joined three weeks ago and presents her 90-day plan to the VP of Customer on the 28th. The ticket backlog has tripled this year and she still cannot tell why. She knows the user only from their queue statistics.',
    {
      need: {
        fact: 'Sofia needs to understand why the ticket backlog tripled this year before she presents her 90-day plan to the VP of Customer on the 28th.',
        revealLine:
          "Honestly, what I need most is to understand the backlog. It's three times what it was in January and nobody can tell me why. I present my plan to the VP on the 28th, and right now I'd be guessing.",
      },
      perception: {
        fact: "Sofia's only impression of the user so far comes from their queue numbers, which show a very high resolution rate but slow first replies.",
        revealLine:
          'I only know your numbers so far, so take this lightly. You resolve more than almost anyone on the team. But your first reply is slower than most — customers wait a while before they hear from you.',
      },
      assumption: {
        fact: 'Sofia assumed the user had applied for her job and might resent her.',
        revealLine:
          "Can I be honest? I'd heard some people applied for my role, and I half-assumed you were one of them. I've been a bit careful around you because of it. I'm glad I was wrong.",
      },
      offer: {
        fact: 'Sofia would include the user in drafting the 90-day plan and name them as owner of one of its workstreams.',
        revealLine:
          "Then let's do something about it. Help me write the plan — and I'd like to put your name on one of its workstreams, so the VP sees who's doing the work.",
      },
    },
  ),
  brief(
    'new-manager',
    'offer-help',
    'Sofia is three weeks in, still learning the product, with roughly 600 open tickets and a 90-day plan due. She is not yet sure who on the team she can rely on.',
    {
      need: {
        fact: 'Sofia needs a plain-language map of the top ten ticket types and why customers raise them.',
        revealLine:
          "If I'm honest, I don't understand the product well enough yet. What would help most is someone walking me through the ten things customers write in about most, and why they do. In plain language.",
      },
      perception: {
        fact: 'Sofia has noticed the user wrote most of the internal help articles, but does not know whether anyone has ever recognised it.',
        revealLine:
          "I've noticed your name is on most of our internal help articles. I don't know if anyone's ever thanked you for that. They're the only reason I understand anything yet.",
      },
      assumption: {
        fact: 'Sofia assumed the user was waiting to see whether she lasts before committing to any plans here.',
        revealLine:
          "Oh — I'd assumed you were waiting to see if I stay before telling me anything like that. People here have seen a few heads of support come and go, I think. Thank you for trusting me with it.",
      },
      offer: {
        fact: 'Sofia would sponsor the user to lead the knowledge-base overhaul in her 90-day plan, credited in front of the VP.',
        revealLine: "There's a knowledge-base overhaul in my plan. I'd like you to lead it — and I'll make sure the VP knows it's yours, not mine.",
      },
    },
  ),
  brief(
    'new-manager',
    'unglamorous-task',
    'The team moves to a new help-desk tool in six weeks, and the old one holds 340 saved replies, half of them outdated or contradictory. Sofia does not yet know whether asking people for dull work will cost her their goodwill.',
    {
      need: {
        fact: 'Sofia needs the 340 saved replies in the help desk audited and cut down before the migration to the new tool in six weeks.',
        revealLine:
          "The reason it matters: we migrate in six weeks, and I don't want to carry three hundred and forty canned answers into a new tool when half of them contradict each other. Customers are getting two different answers to the same question.",
      },
      perception: {
        fact: 'Sofia chose the user because customers quote their replies back in satisfaction surveys.',
        revealLine:
          "I asked you because customers quote you in the surveys. Literally — 'the agent explained it clearly'. I want that voice in every saved reply.",
      },
      assumption: {
        fact: 'Sofia assumed the user might read the task as a test of them, and so she hesitated to ask.',
        revealLine:
          "That's a relief. I worried you'd think I was testing you — the new manager hands out the boring job. Knowing where you want to go helps me make it count.",
      },
      offer: {
        fact: "If the audit is done before migration, Sofia will make the user the team's administrator for the new tool, which the VP sees as a step toward a team-lead role.",
        revealLine:
          "If it's done before we migrate, I'd like you to be our admin on the new system. The VP sees that role as a step toward team lead — and I'll tell her why I chose you.",
      },
    },
  ),
  brief(
    'new-manager',
    'goal-alignment',
    'Sofia plans to create two team-lead roles by Q3 but has not announced them. She is still deciding whom she can trust, and spends most days hiring and reporting to the VP.',
    {
      need: {
        fact: "Sofia needs someone to run the weekly ticket-quality reviews so she can concentrate on hiring and the VP's targets.",
        revealLine:
          "What would help me? The weekly quality reviews. Someone picking ten tickets, scoring them with the team, turning it into coaching. I'm doing it at eleven at night and doing it badly.",
      },
      perception: {
        fact: 'Sofia sees the user as strong with customers but has no evidence yet of how they work with colleagues.',
        revealLine:
          "With customers, you're clearly strong. What I don't know yet is how you work with the team — whether people come to you, whether you can give a colleague hard feedback. I just haven't seen it.",
      },
      assumption: {
        fact: 'Sofia assumed the user would keep their ambitions to themselves until she had proven herself.',
        revealLine: "Oh. I didn't expect you to tell me that so soon. I thought you'd wait until I'd earned it. Thank you.",
      },
      offer: {
        fact: 'If the user runs the quality reviews well for a quarter, Sofia will consider them for one of the two team-lead roles she plans to create and tell them honestly where they stand.',
        revealLine:
          "I'll tell you something I haven't announced: I'm planning two team-lead positions for the third quarter. Run the quality reviews well until then and you'll be considered — and I'll be honest with you about where you are along the way.",
      },
    },
  ),
  brief(
    'new-manager',
    'follow-up',
    'Five weeks ago the user mapped the top ten ticket types for Sofia, and she used the map in her 90-day plan. The VP approved the plan but cut one of the two hires, leaving the self-service project without an owner.',
    {
      need: {
        fact: 'Sofia now needs someone to cover the self-service project the lost hire was meant to run.',
        revealLine:
          "Here's what's changed: the VP approved the plan but cut one hire. That person was going to run self-service — the help centre, the chatbot answers. So now it has no owner.",
      },
      perception: {
        fact: 'Sofia thinks the ticket map was the most useful thing anyone gave her in her first month, and she quoted it to the VP.',
        revealLine: 'That map you made? Nothing anyone gave me in my first weeks was more useful. I quoted it to the VP — and told her who made it.',
      },
      assumption: {
        fact: 'Sofia assumed the user would stop raising their goal once the headcount was cut.',
        revealLine:
          "I'm glad you brought that up again. When the hire was cut, I assumed you'd stop mentioning it — that you'd think there was no room any more.",
      },
      offer: {
        fact: 'Sofia will name the user as owner of the self-service project in front of the VP and review their progress toward their goal monthly.',
        revealLine:
          "So let me offer this: take self-service, and I'll name you as its owner in my next update to the VP. And we look at your goal together every month, not just when it's convenient.",
      },
    },
  ),
  brief(
    'new-manager',
    'advanced-update',
    'Satisfaction scores have fallen to 82 percent and the VP reviews them every Monday. Sofia is four weeks in and has already been surprised by changes the team made without telling her.',
    {
      need: {
        fact: "Sofia's priority is the customer satisfaction score, which fell to 82 percent and which the VP reviews every Monday.",
        revealLine:
          'Thank you for telling me. That matters more than you know — satisfaction is at eighty-two and the VP looks at it every Monday. Anything that stops customers getting stuck helps.',
      },
      perception: {
        fact: 'Sofia appreciates the fix but, being new, worries about changes that reach customers before she has heard of them.',
        revealLine:
          "I appreciate that you acted. I'd just like to hear about changes like this before customers see them, at least while I'm new. Not to approve them — just so I'm never the last to know.",
      },
      assumption: {
        fact: 'Sofia assumed the user was simply good at the job and had not thought about where they wanted it to lead.',
        revealLine:
          "I didn't know that's where you wanted to go. I thought you just enjoyed solving things. It's useful to know — I'll look at what you do differently now.",
      },
      offer: {
        fact: 'Sofia will ask the user to present the fix at her first all-hands, with the VP in the room.',
        revealLine: "My first all-hands is in two weeks, and the VP will be there. I'd like you to present this — ten minutes, the problem and what you did.",
      },
    },
  ),

  // ---------------------------------------------------------------------------------------------
  // Derek Lang (exploitative): IT consultancy, Keystone Insurance account. Offers stay thin and
  // conditional; the `fact` says what he would concede if the user pins him down.
  brief(
    'exploitative',
    'performance-check',
    "Keystone Insurance, the firm's biggest client, loves the weekly status reports the user writes, and Derek presents them as his own. He is happy with the user exactly where they are and would rather not discuss change.",
    {
      need: {
        fact: 'Derek needs the user to keep writing the weekly Keystone status reports, which he presents to the client as his own.',
        revealLine: 'Honestly? Just keep the Thursday reports coming. Keystone loves them. They think I write them, which — between us — works for everybody.',
      },
      perception: {
        fact: 'Derek thinks the user is the most reliable person on the account, and privately considers them too useful to move off it.',
        revealLine: "You're the most reliable person on this account, full stop. Which is exactly why I'd never move you — I'd be lost without you.",
      },
      assumption: {
        fact: 'Derek assumed the user was happy working without credit as long as the bonus arrived.',
        revealLine: "Oh. Huh. I honestly thought you were happy as you are — head down, decent bonus, no fuss. Okay. That's... good to know.",
      },
      offer: {
        fact: 'Derek would mention the user to the partners at some unspecified point, and would commit to a date only if pressed.',
        revealLine:
          "Look, I'll definitely put your name in front of the partners. When the time's right. I don't want to pin a date on it, things are crazy with Keystone — but it's on my radar.",
      },
    },
  ),
  brief(
    'exploitative',
    'offer-help',
    'The Keystone claims release cuts over on the weekend of the 14th, the same weekend Derek is speaking at a conference in Lisbon. He has not found anyone to run it and has not told the client he will be away.',
    {
      need: {
        fact: 'Derek needs someone to run the weekend cutover for the Keystone claims release on the 14th while he is at a conference.',
        revealLine:
          "You're a lifesaver for asking. The go-live weekend — the fourteenth. I'm speaking in Lisbon, and I need someone I trust running it end to end. Saturday morning till it's done.",
      },
      perception: {
        fact: 'Derek sees the user as a safe pair of hands he can give anything to without checking.',
        revealLine: "With you I never have to check. I hand it over and it gets done. Honestly, that's rarer than you'd think.",
      },
      assumption: {
        fact: "Derek assumed the user's offer came with no strings attached, and is caught off guard that they have a goal.",
        revealLine: "Oh — right. I thought this was just you being a team player. Didn't realise there was a... plan. No, that's fine. That's fine.",
      },
      offer: {
        fact: "Derek would agree to look at the user's billing rate at the next review, but commits to nothing in writing unless asked.",
        revealLine:
          "Sure, sure. Run the cutover and I'll look at your rate next review cycle. Can't promise anything, that's a partner decision, but I'll look at it.",
      },
    },
  ),
  brief(
    'exploitative',
    'unglamorous-task',
    "Keystone's product owner raises the defect backlog, about 200 low-priority tickets, at every status meeting, and the quarterly steering meeting is on the 9th. Derek wants it off his back, and the user has never said no to him.",
    {
      need: {
        fact: "Derek needs the 200-ticket Keystone defect backlog triaged before the client's quarterly steering meeting on the 9th.",
        revealLine:
          "The real issue is steering on the ninth. Their product owner will bring up the backlog again and I want to say every ticket's been looked at — fix, won't fix, or needs info. Make me look good in there.",
      },
      perception: {
        fact: 'Derek chose the user because they never push back, not because the task fits their skills.',
        revealLine: "You're the one person who never gives me a hard time when I ask for something. That's why you're my first call.",
      },
      assumption: {
        fact: 'Derek assumed the user would take the backlog without asking what was in it for them.',
        revealLine: "Ha — okay, so there's an angle. I'll be honest, I didn't expect one from you. Fine. Let's hear it.",
      },
      offer: {
        fact: 'Derek would say the backlog work will be remembered at bonus time, and would name the user at the steering meeting only if asked directly.',
        revealLine:
          "Trust me, this won't be forgotten when bonuses come round. And, sure, if you want, I can drop your name at steering. If that matters to you.",
      },
    },
  ),
  brief(
    'exploitative',
    'goal-alignment',
    'Keystone wants to extend the contract into a phase two, which needs a workstream lead. Derek knows the user could do it, but would rather keep them in hands-on delivery, where they are cheaper and hard to replace.',
    {
      need: {
        fact: 'Derek needs a workstream lead for phase two of the Keystone contract, but would rather keep the user in hands-on delivery.',
        revealLine:
          "Between us, phase two's coming — Keystone wants to extend. I need someone to lead a workstream. Though, honestly, I need you right where you are more.",
      },
      perception: {
        fact: 'Derek thinks the user is ready for more but fears losing his best hands-on person if they move up.',
        revealLine: "Are you ready for more? Probably. Yes. The problem is, if you step up, who does what you do? That's my headache.",
      },
      assumption: {
        fact: 'Derek assumed the user had no particular ambitions and would stay in delivery indefinitely.',
        revealLine: "Right. I always had you down as a delivery lifer — happy in the weeds. Didn't know you wanted that. Okay.",
      },
      offer: {
        fact: 'Derek would offer a bigger role in phase two if the contract comes through, and would put a title and date on it only if pinned down.',
        revealLine:
          "Let's see how phase two shapes up. If it lands, there could be something bigger in it for you. I can't put a title on it yet — but you'd be in the frame.",
      },
    },
  ),
  brief(
    'exploitative',
    'follow-up',
    'Two months ago the user ran the Keystone cutover flawlessly, and Derek promised to look at their rate; nothing has happened since. Now Keystone wants a phase-two proposal, and Derek would like the user to write it.',
    {
      need: {
        fact: 'Derek now needs the user to write the phase-two proposal for Keystone, which he will present under his own name.',
        revealLine:
          "Funny you should ask. Keystone want a proposal for the next phase in two weeks. You know the system better than anyone — if you wrote it up, I'd take it in and present it.",
      },
      perception: {
        fact: 'Derek admits the cutover went flawlessly and the client singled it out, though he has not passed that on to the partners.',
        revealLine: "The cutover? Flawless. Keystone's CIO mentioned it on the call, actually. I keep meaning to tell the partners.",
      },
      assumption: {
        fact: 'Derek assumed the user had forgotten his promise to look at their billing rate.',
        revealLine: "Ah. The rate. Yes. I'll be honest, I thought that had... gone away. Fair enough. You're right to bring it up.",
      },
      offer: {
        fact: "Derek will put the rate review on the next partners' meeting agenda only if the user asks for a date and a written note.",
        revealLine:
          "Okay, I hear you. I'll raise it with the partners. Soon — once phase two's signed, probably. If you want something more specific, email me and we'll see.",
      },
    },
  ),
  brief(
    'exploitative',
    'advanced-update',
    'Keystone must sign phase two by the end of the quarter, and Derek measures everything by whether it keeps the client happy. He is quick to praise, and quicker to take the credit upstairs.',
    {
      need: {
        fact: "Derek's priority is keeping Keystone happy enough to sign phase two by the end of the quarter.",
        revealLine:
          'Love it. Anything that keeps Keystone sweet is gold right now — I need their signature on the extension before quarter end, and every little win counts.',
      },
      perception: {
        fact: "Derek values the fix mainly because it makes him look good with the client, and plans to report it as the team's work under his lead.",
        revealLine: "This is great. I'll put it in the client update — 'the team proactively identified and resolved'. They'll love it.",
      },
      assumption: {
        fact: 'Derek assumed the user acted out of conscientiousness and wants nothing for it.',
        revealLine: 'Oh, so this is a career thing? I thought you were just being conscientious. Okay. Sure.',
      },
      offer: {
        fact: "Derek offers only vague praise at first; pinned down, he will let the user present the fix to the client's steering group.",
        revealLine: "Fine — if it matters to you, you can walk steering through it yourself. Five minutes. Don't oversell it.",
      },
    },
  ),

  // ---------------------------------------------------------------------------------------------
  // Employee personas: the user is the manager and starts the loop.
  brief(
    'quiet-high-performer',
    'manager-initiated',
    'Mei rebuilt the renewal-pricing dashboard the whole team now relies on, and nobody has mentioned it. A recruiter from a larger insurer has called twice. She assumes this meeting means more work.',
    {
      need: {
        fact: "Mei wants to lead the rebuild of the renewal-pricing model, and is weighing a recruiter's offer because she doubts she will get that chance here.",
        revealLine:
          "Honestly... I'd like to lead the pricing-model rebuild. I've been thinking about how to do it for a year. And — I should probably say — a recruiter's been in touch. I haven't decided anything. I just didn't think that project would ever come to me.",
      },
      perception: {
        fact: 'Mei sees her own work as mostly maintenance and does not count the dashboard rebuild as leadership.',
        revealLine: "Oh. I didn't think of the dashboard that way. It felt like cleanup — fixing what was broken. I wouldn't have called it leading anything.",
      },
      assumption: {
        fact: 'Mei assumed the high-profile projects go to colleagues who speak up more in meetings.',
        revealLine: "Me? I — thank you. I'd sort of assumed those projects go to the people who talk most in meetings. I'm not one of them.",
      },
      offer: {
        fact: 'Mei would mentor the two junior analysts and document the pricing pipeline if she led the model rebuild.',
        revealLine:
          "If I led it, I'd want the juniors on it with me — I could teach them properly. And I'd write up the whole pipeline end to end, which nobody's ever done. That seems a fair trade.",
      },
    },
  ),
  brief(
    'wants-ic-depth',
    'manager-initiated',
    'Tomasz owns the build system and the event pipeline, runs most design reviews and mentors two juniors. The team-lead job went up on the board yesterday, and he suspects this meeting is about steering him into it.',
    {
      need: {
        fact: 'Tomasz wants to grow toward staff engineer, going deep on distributed systems and technical direction, not managing people.',
        revealLine:
          "Since you ask — staff engineer. Technical direction across teams, deeper work on how our services talk to each other at scale. Not managing people. I've watched good engineers become unhappy managers, and I don't want to be one.",
      },
      perception: {
        fact: 'Tomasz believes his design reviews and mentoring count for nothing, because only shipped tickets show up in his review.',
        revealLine:
          "Huh. I genuinely thought the design reviews didn't count. My last review was a list of tickets. The reviews, the mentoring — none of it was in there, so I assumed it was invisible.",
      },
      assumption: {
        fact: 'Tomasz assumed the only way up on this team was to become a manager.',
        revealLine:
          "Before I answer that — I'd taken it for granted that getting promoted here means managing people, so I walked in bracing for it. If there's another route, I'd like to hear it.",
      },
      offer: {
        fact: "Tomasz would take over the architecture review process and write the platform's technical roadmap if it counted toward a staff promotion.",
        revealLine:
          "If that counts toward staff, then yes — I'll run the architecture reviews properly, with a written process, and draft next year's roadmap for the platform. I've wanted to do both anyway.",
      },
    },
  ),
  brief(
    'wants-management',
    'manager-initiated',
    "Jasmine has run the store on her manager's days off for a year and does most of the hiring. A store-manager vacancy has opened in the next town and she hasn't applied, unsure whether she would be backed.",
    {
      need: {
        fact: 'Jasmine wants to run her own store within a year, and is unsure whether to apply for the store-manager vacancy in the next town.',
        revealLine:
          "Okay, straight out: I want my own store. Within a year. The one in the next town has just come up, and I haven't applied because I didn't know if you'd back me.",
      },
      perception: {
        fact: "Jasmine thinks she already does most of a store manager's job and is frustrated that it is not recognised.",
        revealLine:
          "See, that's the thing — I do most of that already. The rota, the hiring, the deliveries, the Sunday shifts. It just doesn't feel like anyone's noticed.",
      },
      assumption: {
        fact: 'Jasmine assumed her manager would not support a move because she is too useful where she is.',
        revealLine: "Honestly? I thought you'd want to keep me here. I'm handy to have around. I figured you'd talk me out of the other store.",
      },
      offer: {
        fact: "Jasmine would recruit and train the Christmas temps and take over the store's weekly P&L report to prove herself.",
        revealLine:
          "Deal. I'll take the Christmas temps — hiring and training — and I'll do the weekly P&L from now on. Then there's no question whether I can run a store.",
      },
    },
  ),
  brief(
    'disengaged',
    'manager-initiated',
    'Colin has been on the support team for six years and was passed over for team lead twice. He cares for his elderly father, needs predictable hours and has told no one at work. He expects this meeting to start a performance process.',
    {
      need: {
        fact: "Colin wants to move into training new support hires, which he enjoyed during last year's onboarding, and needs predictable hours to care for his father.",
        revealLine:
          "Nobody's asked me that in years. ...Last year, when I trained the new starters — that's the only time I've liked this job lately. And I'd need regular hours. My dad's not well. I look after him.",
      },
      perception: {
        fact: 'Colin thinks his work goes unnoticed because he takes the difficult customers nobody else wants, which lowers his ticket count.',
        revealLine:
          "My numbers are down because I take the nightmare calls. The ones that need an hour. Nobody else wants them, so they come to me. That doesn't show up anywhere.",
      },
      assumption: {
        fact: 'Colin assumed this meeting was the start of a performance process to manage him out.',
        revealLine: 'Right. Sorry. I thought this was the start of a performance plan. I had the whole thing worked out — the HR meeting, all of it.',
      },
      offer: {
        fact: 'Colin would rewrite the onboarding guide and run the next new-hire cohort if the role led somewhere and his hours were fixed.',
        revealLine:
          "If it went somewhere — and if the hours were fixed — I'd rewrite the onboarding guide. It's out of date anyway. And I'd run the next intake.",
      },
    },
  ),
];
