/**
 * Scope rules: whether a phrase found in a sentence is asserted by the writer, or sits under a
 * negation ("I'm not asking for a raise"), a hypothetical or disclaimer ("if I ever wanted to
 * manage", "not that I deserve it", "I don't want this to sound like an ultimatum"), someone
 * else's words ("someone said I should demand...") or quotation marks.
 *
 * Positions are offsets into the folded sentence text. A negation reaches forward until a clause
 * boundary and at most a few words, so "I haven't had a raise in two years and would like one"
 * still wants the raise; a disclaimer reaches until a contrast ("..., but"), so the threat that
 * follows "I don't want this to sound like an ultimatum, but" still counts.
 */

const NEGATION_CUE =
  /\b(?:not|never|no|nothing|none|nobody|neither|nor|without|cannot|hardly|rather than|instead of|no longer|far from|zero interest|last thing)\b|n't\b/g;

// Negative words that do not negate what follows them.
const POSITIVE_IDIOMS =
  /\b(?:(?:don't|do not|didn't) (?:want|mean|need) to (?:just|simply|only)|can't wait|cannot wait|couldn't agree|wouldn't mind|don't mind|do not mind|no doubt|not only|not just|no problem|no worries|not a problem|never mind|no matter|not least|don't hesitate|can't help but|no-brainer|no rush|no pressure|not too much trouble|not too much of|whether or not|if not|or not|no later than|not long ago|wouldn't hurt|doesn't hurt|not to mention|nothing (?:would|could) (?:make me|be) (?:happier|better|more))\b/g;

// Where a clause ends for negation: punctuation inside the sentence, contrasts, and a
// conjunction that opens a new clause (with its own subject or modal).
const CLAUSE_BOUNDARY =
  /[,;:()]|\s-+\s|\.{2,}|\b(?:but|however|though|although|yet|whereas|because|since|while|which|that said|and (?=(?:i|i'm|i'd|i'll|i've|we|you|would|could|can|will|want|hope|also|then)\b)|so (?=(?:i|i'm|i'd|i'll|we|that)\b))\b/g;

// Where a disclaimer or hypothetical ends: only a contrast or strong punctuation.
const CONTRAST_BOUNDARY = /[;:()]|\s-+\s|\.{2,}|\b(?:but|however|though|although|yet|that said|still|anyway)\b/g;

const HYPOTHETICAL =
  /\b(?:if i (?:ever|were|was|did|decided|wanted|had|went|chose|someday)|if (?:one day|someday|at some point) i|even if|hypothetically|in theory|not that|i'm not (?:saying|trying to|implying|suggesting)|i am not (?:saying|trying to|implying|suggesting)|(?:don't|do not|doesn't|wouldn't|didn't) want (?:this|it|that|you|to) (?:to )?(?:sound|come across|come off|seem|be read|read|look|feel)|(?:don't|do not|didn't) mean (?:this|it|that|to)|imagine|pretend|(?:some|other) people (?:would|might|say|think)|the (?:wrong|bad) (?:move|way) (?:is|would be))\b/g;

const REPORTED =
  /\b(?:(?:said|says|say|told me|tells me|suggested|suggests|recommended|recommends|advised|advises|insisted|claims?|thinks?) (?:that )?(?:i|we) (?:should|could|ought|need|must|might|have to)|(?:i've been|i was|i've|i have|i had been) (?:told|advised|encouraged|warned) (?:to|that (?:i|we) (?:should|could|ought|need|must|might|have to))|i've heard|i heard|i read (?:that|somewhere|online)|the advice (?:i got |online )?(?:is|was)|people (?:say|tell|keep saying)|(?:a|my) (?:friend|mentor|colleague|coworker|peer) (?:said|told|suggested|says))\b/g;

/** The text between the last clause boundary before `at` and `at`, with positive idioms blanked. */
function windowBefore(text: string, at: number, boundary: RegExp): string {
  let from = 0;
  boundary.lastIndex = 0;
  for (let m = boundary.exec(text); m && m.index < at; m = boundary.exec(text)) {
    if (m.index + m[0].length <= at) from = m.index + m[0].length;
    if (m[0].length === 0) boundary.lastIndex++;
  }
  return text.slice(from, at).replace(POSITIVE_IDIOMS, (s) => ' '.repeat(s.length));
}

/** A negation cue governs `at`: within its clause, at most `reach` words before it. */
export function negatedAt(text: string, at: number, reach = 7): boolean {
  const window = windowBefore(text, at, CLAUSE_BOUNDARY);
  NEGATION_CUE.lastIndex = 0;
  for (let m = NEGATION_CUE.exec(window); m; m = NEGATION_CUE.exec(window)) {
    const wordsAfter = window.slice(m.index + m[0].length).trim().split(/\s+/).filter(Boolean).length;
    if (wordsAfter <= reach) return true;
  }
  return false;
}

/** `at` is under a hypothetical or a disclaimer, or reports what someone else said. */
export function irrealisAt(text: string, at: number): boolean {
  const window = windowBefore(text, at, CONTRAST_BOUNDARY);
  HYPOTHETICAL.lastIndex = 0;
  REPORTED.lastIndex = 0;
  return HYPOTHETICAL.test(window) || REPORTED.test(window);
}

/** `at` is inside quotation marks: a phrase mentioned, not said. */
export function quotedAt(text: string, at: number): boolean {
  let open = false;
  for (let i = 0; i < at; i++) {
    const ch = text[i];
    if (ch === '"') open = !open;
    else if (ch === "'") {
      const before = text[i - 1] ?? ' ';
      const after = text[i + 1] ?? ' ';
      // An apostrophe sits between letters ("don't", "Sam's"); a quote mark opens after a space
      // and closes before one.
      if (!open && /[\s(]/.test(before) && /[a-z]/.test(after)) open = true;
      else if (open && /[a-z.!?,]/.test(before) && /[\s.,!?;:)]/.test(after)) open = false;
    }
  }
  return open;
}

/** The writer asserts what is at `at`: not negated, hypothetical, reported or quoted. */
export function assertedAt(text: string, at: number): boolean {
  return !negatedAt(text, at) && !irrealisAt(text, at) && !quotedAt(text, at);
}
