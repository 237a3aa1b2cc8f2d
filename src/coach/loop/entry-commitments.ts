import { findWhen, resolveWhen } from './due-dates.js';
import { cuePattern, type EntryCueId } from './entry-cues.js';
import type { StoredCommitment } from './entry-reading-schema.js';
import { namesOf, type Segment } from './speakers.js';

/** What the commitments of an entry are read from: its text, folded, its speakers, when it happened and with whom. */
export interface CommitmentInput {
  text: string;
  folded: string;
  segments: readonly Segment[];
  at: number;
  name: string;
}

const PRONOUN_OBJECT = /^(?:(?:take|do|own|handle|grab|pick up|get|have|send|sort|run|look at|look into|cover)\s+)?(?:it|that|this|those|them|one)(?:\s+on)?\b/;
// The user taking up what was just asked: "sure", "on it", "monday works", "I said yes", "took her up on it".
const ACCEPTS = new RegExp(
  String.raw`^(?:sure|yes|yep|yeah|absolutely|of course|definitely|happy to|glad to|will do|on it|consider it done` +
    String.raw`|no problem|no probs?|no worries|np|can do|done|ok(?:ay)?|sounds good|fine|deal|cool|\w+ works)\b`,
);
// Told: "I said yes", "and I said I would.", "-> said yes", "took him up on it".
const NARRATED_ACCEPT = new RegExp(
  String.raw`(?:^|\bi |->\s*|,\s*)(?:said (?:yes|fine|sure|ok(?:ay)?|i would|i'd do it|i will|i'd take it)|agreed|accepted` +
    String.raw`|took (?:him|her|them) up on it)(?:[\s,.!;]|$)(?!\s*(?:to|that|with)\b)`,
);
// The other person taking up an offer of the user's, or turning it down.
const THEIR_ACCEPT = new RegExp(
  String.raw`^(?:(?:omg|oh|ah|ooh|thanks|thank you)[\s,!.]+)?(?:yes|yeah|yep|sure|great|perfect|brilliant|lovely|amazing` +
    String.raw`|please|go for it|ok|okay)(?=\s*(?:[,.!]|$|please\b|thanks\b|thank you\b))|\b(?:yes please|please do|go ahead` +
    String.raw`|(?:that|it) (?:would|'d) be (?:great` +
    String.raw`|brilliant|amazing|helpful|a huge help)|sounds good|took (?:me|us) up on it|said yes)\b`,
);
const DECLINED = new RegExp(
  String.raw`\b(?:no thanks|no need|not needed|said no|said (?:it's|it is|that's) fine|(?:i|she|he|they|we) (?:couldn't` +
    String.raw`|can't|declined)|declined|turned (?:it |that |her |him |them )?down|'s got it|has got it|got it covered` +
    String.raw`|i've got it|don't worry)\b|^no\b`,
);
// What they asked of the user: "can you…", "needs me to…", "wants me running the stand-ups…", "needs my section back by tmrw".
const REQUEST = new RegExp(
  String.raw`\b(?:can|could|would) (?:you|u) (?:please |also |just )?|\b(?:needs?|wants?|wanted|like|love|asked) (?:you|u|someone|somebody|an owner|me) to ` +
    String.raw`|\basked (?:if|whether) (?:i|you)(?:'d| would| could| can) (?:also )?|\bif (?:you|someone) (?:could|can) |\bneed (?:you|u) to ` +
    String.raw`|\bwants? (?:me|you) (?=\w+ing\b)|\bwants? (?=(?:a|an|the|some) [^.;]{1,60}?\bfrom (?:me|you)\b)` +
    String.raw`|\bneeds? (?=(?:my|the|your|a|an|all|his|her) [^.;]{1,60}?\b(?:by|before)\b)`,
);
// "needs the stock audit by the 15th -> me": handed to the user in a note.
const ASSIGNED = /^(?:.*?\b(?:needs?|wants?)\s+)?(.+?)\s*(?:->|\u2192)\s*(?:me|i|mine)\b/;
// The verbs that open a second task after a comma: "I'll send the numbers fri, start the deck next mon".
const TASK_VERBS =
  String.raw`(?:send|start|finish|book|call|ring|email|draft|write|update|check|chase|review|sort|set up|share|get|put|do` +
  String.raw`|run|ask|talk|prep|prepare|look)\b`;
const NEXT_TASK = new RegExp(String.raw`,\s+(?:and\s+|then\s+)?(?=${TASK_VERBS})`, 'i');
const NEXT_DATED_TASK = new RegExp(String.raw`\s+and\s+(?=${TASK_VERBS})`, 'i');
// Words before a promise's opening that make it no promise: a fear, a guess, a condition ("she's worried she'll look bad").
const NOT_MADE = new RegExp(
  String.raw`\b(?:worried|afraid|scared|concerned|fear|fears|think|thinks|thought|hope|hopes|hoped|if|whether|unless|maybe` +
    String.raw`|might|wonder|wondering|what|so|so that|told (?:him|her|them))\s+(?:that\s+)?$`,
);
const ITEM_SPLIT = /,\s*(?:then\s+|and\s+|\+\s*)?|;\s*/;
const JOINED = /\s[+&]\s/;
const REACH = 300;
const NO_ITEM = /^(?:none|nothing|no actions?|n\/a|tbc|tbd|-)$/i;

const globalOf = new Map<string, RegExp>();
function allMatches(id: EntryCueId, names: readonly string[], text: string): RegExpExecArray[] {
  const key = `${id}\u0000${names.join('\u0000')}`;
  let re = globalOf.get(key);
  if (!re) {
    re = new RegExp(cuePattern(id, names).source, 'g');
    if (globalOf.size > 500) globalOf.clear();
    globalOf.set(key, re);
  }
  return [...text.matchAll(re)];
}

// Where the words of a promise end: a full stop, an arrow, a clause of its own ("but…", "and she…", ", I…").
const PROMISE_END = new RegExp(
  String.raw`[;!?]|[:.](?=\s|$)|\s->\s?|\s(?:but|because|since|so that|so (?:i|we|she|he|they)|and (?:she|he|they|i|we|then|\w+ed)|while|which|who)\s` +
    String.raw`|,\s*(?:and |but |so )?(?:she|he|they|i)\b`,
  'i',
);

/** The words of a promise: the clause after its opening, up to where another clause starts. */
export function promiseText(raw: string): string {
  // "take it, draft by Fri": what "it" is comes from before; the rest is its date.
  const pronoun = /^(?:\S+\s+){0,2}?(?:it|that|this|those|them)(?:\s+on)?\s*,/i.exec(raw);
  if (pronoun && PRONOUN_OBJECT.test(pronoun[0].toLowerCase())) return pronoun[0].replace(/\s*,$/, '');
  const end = PROMISE_END.exec(raw);
  const clause = end ? raw.slice(0, end.index) : raw;
  return trimEnds(clause.replace(/^(?:to|also|go ahead and|definitely|just)\s+/i, ''));
}

/** No conjunction, preposition or punctuation left dangling at the end once the date is taken out. */
function trimEnds(text: string): string {
  let t = text.trim();
  for (let i = 0; i < 3; i++) {
    t = t
      .replace(/[\s,"'\u2019\u201d\-\u2013\u2014(]+$/u, '')
      .replace(/\s+(?:and|or|but|then|from|by|on|before|until|starting|w\/c|for|in|at|the|to|latest|\+)$/i, '')
      .trim();
  }
  return t;
}

/** A promise's text without its date, and the date's words: in the clause, or else later in the words after the promise. */
function withoutWhen(clause: string, after: string): { text: string; when: string | null } {
  const inClause = findWhen(clause)[0];
  const when = inClause ?? findWhen(after)[0];
  const text = inClause ? clause.slice(0, inClause.index) + ' ' + clause.slice(inClause.index + inClause.phrase.length) : clause;
  return { text: trimEnds(text.replace(/\s{2,}/g, ' ')), when: when?.phrase ?? null };
}

/**
 * The promises of an entry, on both sides: "I'll send it by Friday", "she'll intro me", a note's
 * action items ("me -> redo the shift plan by mon", "him -> chase the supplier"), what was asked and
 * taken up ("can you add the numbers?" "on it"), an offer the other person accepted ("happy to draft
 * the FAQ" "yes please"), but not one turned down ("offered to pay… I said no"), and a task handed
 * over ("needs the audit by the 15th -> me"). Dates are resolved against the entry's time from the
 * words after the promise, not from another clause before it.
 */
export function commitmentsOf({ text, folded, segments, at, name }: CommitmentInput): StoredCommitment[] {
  const names = namesOf(name).words;
  const out: Array<Omit<StoredCommitment, 'id'>> = [];
  let lastRequest: { text: string; after: string; before: string } | undefined;
  const need = cuePattern('need', names);
  // An offer of the user's waits for the other person's next turn, and no longer.
  let pendingOffer: { text: string; after: string; answered: boolean } | undefined;
  let accepted: (typeof out)[number] | undefined;

  const push = (owner: StoredCommitment['owner'], what: string, when: string | null, short = false) => {
    // "I'll take it", "I'll start tomorrow": what was asked just before is what was promised.
    const bare = PRONOUN_OBJECT.test(what.toLowerCase()) || (!short && what.split(/\s+/).length < 2);
    if (what === '' || (bare && !(lastRequest && owner === 'me') && !PRONOUN_OBJECT.test(what.toLowerCase()))) return undefined;
    const resolved = bare && lastRequest && owner === 'me' ? lastRequest.text : what;
    const existing = out.find((c) => c.text.toLowerCase() === resolved.toLowerCase() && c.owner === owner);
    if (existing) return existing;
    const c = { text: resolved, owner, due: when ? resolveWhen(when, at) : null, when, status: 'open' as const };
    out.push(c);
    return c;
  };
  const add = (owner: StoredCommitment['owner'], clause: string, after: string) => {
    // "start the log tomorrow and get the first week to her by the end of next week": two tasks, each with its date.
    const and = NEXT_DATED_TASK.exec(promiseText(clause));
    if (and && findWhen(clause.slice(0, and.index))[0] && findWhen(clause.slice(and.index))[0]) {
      addOne(owner, clause.slice(and.index + and[0].length), clause.slice(and.index + and[0].length));
      return addOne(owner, clause.slice(0, and.index), clause.slice(0, and.index));
    }
    const [first, ...others] = clause.split(NEXT_TASK);
    for (const next of others) addOne(owner, next, next);
    return addOne(owner, first ?? clause, others.length > 0 ? (first ?? clause) : after);
  };
  const addOne = (owner: StoredCommitment['owner'], clause: string, after: string) => {
    const { text: what, when } = withoutWhen(promiseText(clause), after);
    // "offered to let me lead the safety audit": the user's task, taken up.
    const mine = /^let me\s+/i.exec(what);
    return mine ? push('me', what.slice(mine[0].length), when) : push(owner, what, when);
  };
  const drop = (c: (typeof out)[number] | undefined) => {
    const i = c ? out.indexOf(c) : -1;
    if (i >= 0) out.splice(i, 1);
  };

  for (const [index, s] of segments.entries()) {
    if (s.speaker === 'none') continue;
    const f = folded.slice(s.start, s.end);
    const raw = text.slice(s.start, s.end);
    const owner = s.speaker === 'me' ? 'me' : 'them';
    const request = s.speaker === 'them' ? REQUEST.exec(f) : null;
    const requested = request ? promiseText(raw.slice(request.index + request[0].length)).replace(/\?$/, '') : '';

    const assigned = s.speaker !== 'me' && /->|\u2192/.test(f) ? ASSIGNED.exec(raw.slice(s.quoteStart - s.start)) : null;
    if (assigned?.[1]) {
      const { text: what, when } = withoutWhen(trimEnds(assigned[1]), '');
      push('me', what, when);
    }
    if (s.action) {
      actionItems(raw, (what, when, dateOnly) => {
        const last = out[out.length - 1];
        if (dateOnly && last && last.due === null && when) Object.assign(last, { when, due: resolveWhen(when, at) });
        else if (!dateOnly) push(owner, what, when, true);
      });
      continue;
    }

    // An offer of the user's the other person answered: taken up, or not.
    if (s.speaker === 'me' && pendingOffer?.answered) pendingOffer = undefined;
    if (s.speaker === 'them' && pendingOffer) {
      pendingOffer.answered = true;
      const answer = f.trim();
      if (DECLINED.test(answer.slice(0, 80))) pendingOffer = undefined;
      else if (THEIR_ACCEPT.test(answer)) {
        const { text: what, when } = withoutWhen(promiseText(pendingOffer.text), pendingOffer.after);
        const c = push('me', what, when);
        const also = findWhen(raw)[0];
        if (c && c.due === null && also) Object.assign(c, { when: also.phrase, due: resolveWhen(also.phrase, at) });
        accepted = c;
        pendingOffer = undefined;
      }
    }

    const patterns: EntryCueId[] =
      s.speaker === 'them' && s.reported ? ['promiseReported'] : s.speaker === 'them' ? ['promiseFirst', 'promiseReported'] : ['promiseFirst'];
    const found = patterns.flatMap((id) => allMatches(id, id === 'promiseReported' ? names : [], f));
    // "she said 'good, and I'll sit in on a few of your calls'": the other person's own words, quoted.
    if (s.speaker === 'them' && s.reported) {
      const open = /(?:^|[\s:,])['"](?=\S)/.exec(f.slice(s.quoteStart - s.start));
      if (open) {
        const from = s.quoteStart - s.start + open.index + open[0].length;
        for (const m of allMatches('promiseFirst', [], f.slice(from))) found.push(Object.assign(m, { index: m.index + from }));
      }
    }
    if (s.speaker === 'me') {
      for (const m of allMatches('promisePresent', [], f)) if (findWhen(raw.slice(m.index, m.index + REACH))[0]) found.push(m);
    }
    found.sort((a, b) => a.index - b.index);
    let promised = false;
    let lastEnd = -1;
    for (const m of found) {
      if (m.index < lastEnd) continue;
      // A promise's words, and its date, are in the next few hundred characters: a long entry is not read again from each.
      const rest = raw.slice(m.index + m[0].length, m.index + m[0].length + REACH);
      const opening = s.start + m.index;
      if (!isPromise(rest.toLowerCase(), folded.slice(Math.max(0, opening - 40), opening))) continue;
      lastEnd = m.index + m[0].length;
      const promiser = s.speaker === 'me' && !/^you\b/.test(m[0].trim()) ? 'me' : 'them';
      // "asked me to prepare the letter, which I said I'd get to him by Tuesday": the promise is what was asked.
      const which = /\bwhich i said/.test(m[0]) && (requested || lastRequest?.text);
      const c = which ? push(promiser, requested || (lastRequest?.text ?? ''), findWhen(rest)[0]?.phrase ?? null) : add(promiser, rest, rest);
      promised = true;
      // An offer turned down in the same breath, or in the other person's next words, was not taken.
      if (/\boffered\b/.test(m[0]) || /^(?:i )?offered\b/.test(f.trim())) {
        const reply = segments.slice(index + 1, index + 4).find((x) => x.speaker !== 'none' && x.speaker !== s.speaker);
        const later = reply ? folded.slice(reply.start, reply.end) : '';
        if (DECLINED.test(f.slice(m.index + m[0].length, m.index + m[0].length + REACH)) || DECLINED.test(later.slice(0, 60))) drop(c);
      }
    }
    if (s.speaker === 'me' && !promised) {
      const offer = allMatches('offer', [], f)[0];
      // "What's the one thing I could take off your plate?" asks; it offers nothing yet.
      if (offer && !/^(?:what|which|how|where|when|why|who|is there|anything)\b/.test(f.trim())) {
        const offered = raw.slice(offer.index + offer[0].length, offer.index + offer[0].length + REACH);
        pendingOffer = { text: offered, after: offered, answered: false };
      }
      const said = f.trim();
      if (lastRequest && (ACCEPTS.test(said) || NARRATED_ACCEPT.test(said))) {
        const when = findWhen(raw)[0] ?? findWhen(lastRequest.after)[0] ?? findWhen(lastRequest.before)[0];
        push('me', lastRequest.text, when?.phrase ?? null);
        lastRequest = undefined;
      }
    }
    if (requested !== '' && !PRONOUN_OBJECT.test(requested.toLowerCase())) {
      const asked = request?.index ?? 0;
      // The date of what was asked: after the ask, or else earlier in the same clause ("wants it by the 16th and needs me to…").
      const before = raw.slice(0, asked);
      lastRequest = {
        text: withoutWhen(requested, '').text,
        after: raw.slice(asked + (request?.[0].length ?? 0), asked + REACH),
        before: before.slice(before.lastIndexOf(';') + 1),
      };
    } else if (requested === '' && s.speaker === 'them' && need.test(f)) {
      // A newer ask we cannot word ("wants me on the bid team") is what a "fine" that follows takes up, not an older one.
      lastRequest = undefined;
    } else if (requested !== '' && accepted && accepted.due === null) {
      // "yes please … if you can do them by monday": the date of what was just taken up.
      const when = findWhen(raw)[0];
      if (when) Object.assign(accepted, { when: when.phrase, due: resolveWhen(when.phrase, at) });
    }
  }
  return out.map((c, i) => ({ id: `c${i + 1}`, ...c }));
}

/**
 * Whether the words after a promise's opening make one ("she'll ask finance"), rather than a guess, a
 * fear or a put-off ("she'll look bad", "we'll see", "we'll talk in the new year", "so I can put it").
 */
export function isPromise(rest: string, before: string): boolean {
  return !cuePattern('notAPromise').test(rest.replace(/^["'\s]+/, '')) && !NOT_MADE.test(before);
}

/**
 * A note's action line, item by item ("memos, buddy the new starter, 1st catch-up mon"); a date alone
 * belongs to the item before it, and a date after items joined by "+" to all of them ("slides + notes by fri").
 */
function actionItems(raw: string, each: (what: string, when: string | null, dateOnly: boolean) => void): void {
  for (const part of raw.split(ITEM_SPLIT)) {
    const joined = part.split(JOINED);
    const shared = joined.length > 1 ? withoutWhen(trimEnds((joined[joined.length - 1] ?? '').trim().replace(/[.!]+$/, '')), '').when : null;
    for (const item of joined) {
      const trimmed = item.trim().replace(/[.!]+$/, '');
      if (trimmed === '' || NO_ITEM.test(trimmed)) continue;
      const { text: what, when } = withoutWhen(trimmed, '');
      each(what, when ?? shared, what === '' || /^(?:by|on|before)$/i.test(what));
    }
  }
}
