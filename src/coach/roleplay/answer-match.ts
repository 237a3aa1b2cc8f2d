import { ANSWER_TOPICS, type AnswerTopic } from '../scenarios/content-schema.js';
import type { HiddenBrief } from '../scenarios/index.js';
import type { OpenForm } from '../reading/open-question.js';

/** Words that carry no topic: a question and a line sharing them share nothing. */
const STOP = new Set(
  (
    'about above after again against also although always another anything around asked asking because been before being below between ' +
    'could does doing done down during each else even ever every from have having here into just know like likely made make many might ' +
    'more most much must need needs only other over really right same should some something still such sure than that their them then ' +
    'there these they thing things think this those though through time times today together tomorrow under until very want wants week ' +
    'weeks well were what when where which while will with without work would year years your yours mine ours okay yeah maybe actually ' +
    'honestly exactly roughly ballpark quick question going gonna wanna kind sort bit lot lots first last next ' +
    'date dates start starts started begin begins due soon long realistically'
  ).split(' '),
);

/** A word's rough stem: "inspections" and "inspection", "rebuilding" and "rebuild" meet. */
function stem(word: string): string {
  return word.replace(/'s$/, '').replace(/(?:ing|ed|es|s)$/, (suffix) => (word.length - suffix.length >= 4 ? '' : suffix));
}

/** The content words of a text, stemmed. */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z][a-z'-]*[a-z]|\d+%?/g) ?? [];
  return new Set(words.filter((w) => (w.length >= 4 || /\d/.test(w)) && !STOP.has(w)).map(stem));
}

export interface AnswerMatch {
  topic: AnswerTopic;
  at: number;
  /** How many content words the line shares with the question. */
  score: number;
}

/**
 * The line of the brief's answers that shares most content words with the question ("When is the
 * inspection?" meets "The inspection's in three weeks…"), among lines not said yet; ties go to the
 * topic the question was placed under, then to the earlier line. Undefined when none shares a word.
 */
export function matchAnswer(
  question: string,
  answers: HiddenBrief['answers'],
  said: (topic: AnswerTopic, at: number) => boolean,
  prefer?: AnswerTopic,
  fits: (line: string) => boolean = () => true,
): AnswerMatch | undefined {
  const asked = contentWords(question);
  let best: AnswerMatch | undefined;
  for (const topic of ANSWER_TOPICS) {
    (answers?.[topic] ?? []).forEach((line, at) => {
      if (said(topic, at) || !fits(line)) return;
      const words = contentWords(line);
      const score = [...asked].filter((w) => words.has(w)).length;
      if (score === 0) return;
      const better = !best || score > best.score || (score === best.score && topic === prefer && best.topic !== prefer);
      if (better) best = { topic, at, score };
    });
  }
  return best;
}

const NUMBER_WORDS = new RegExp(
  String.raw`\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand)\b|` +
    String.raw`\b(?:half|dozen|percent)\b`,
  'i',
);
const TIME_WORDS = new RegExp(
  [
    String.raw`\d|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|week|weeks|month|months|quarter|year|christmas)\b`,
    String.raw`\b(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter)\b`,
  ].join('|'),
  'i',
);

/** What a line must hold to answer a question of a form: a figure for "how many", a time for "when". */
export const ANSWER_FITS = {
  count: (line: string) => NUMBER_WORDS.test(line),
  date: (line: string) => TIME_WORDS.test(line),
} as const;

/** The fit a line needs to answer an open question of a form: a figure for "how many", a time for "when" or "how long". */
export function fitFor(form: OpenForm): ((line: string) => boolean) | undefined {
  return form === 'count' ? ANSWER_FITS.count : form === 'date' || form === 'duration' ? ANSWER_FITS.date : undefined;
}
