import { analyze } from './index.js';

// A few lines touching most frames of both modes: offers, asks, goals, commitments, follow-ups,
// pitfalls, negation, hypotheticals and quoted text.
const SAMPLE = [
  "Hi Dana, is there anything on your plate I could take off you this sprint? I'll take the audit prep and have it done by Friday.",
  "I'd like to be promoted to senior in the next cycle. What would you need to see from me to get there?",
  'How do you see my work on the billing migration so far? Could we check in on it every two weeks?',
  "I'm not asking for a raise, but I deserve the lead role or I'll start looking elsewhere. Marcus dropped the ball again.",
  'FYI: the nightly export failed because the vendor changed their API; I patched it. "Just a thought" - maybe, if that is OK?',
  "What would you like to do next? You'd like to move into audit, so would you like to lead the vendor selection next quarter?",
  "I'll back you on it and we can meet monthly. Success looks like the report out by March. I know you want to manage people.",
  "I expect to be made team lead this year; it's only fair, it's non-negotiable and frankly I'm overdue. I've earned it more than anyone here.",
  "That's not my job and I can't take on the rota on top of everything. Honestly the QA team never test anything and Priya messed up the release.",
  "Happy to help with the backlog, and leading the migration would give me real experience for the senior role I'm aiming at. Does that sound fair?",
  "I just wanted to ask, if it's not too much trouble, whether maybe I could possibly sit in on the planning? I want to grow and develop my career.",
].join('\n');

/**
 * Reads a sample in both modes a few times, unbudgeted. The first analyses in a process compile
 * the frames' patterns and the code that runs them, and take tens to hundreds of times longer than
 * later ones (600 ms against 5 ms, measured on a busy machine): a server does this before it
 * serves, so its first requests are not cut short by the analysis budget.
 */
export function warmUpAnalyzer(rounds = 2): void {
  // Long texts take paths short ones do not (the learned reader, long runs of sentences), and V8
  // compiles each pattern apart for text that is all Latin-1 and for text that is not (curly quotes, dashes).
  const long = `${SAMPLE}\n`.repeat(8);
  const typeset = SAMPLE.replace(/'/g, '\u2019').replace(/ - /g, ' \u2014 ');
  for (let i = 0; i < rounds; i++) {
    for (const text of [SAMPLE, long, typeset, `${typeset}\n`.repeat(8)]) {
      analyze(text, 'employee');
      analyze(text, 'manager');
    }
  }
}
