/**
 * Dates people set in conversation ("by Friday", "end of month", "in two weeks", "by the 15th"),
 * found in a sentence and resolved against when the conversation happened, in UTC. A phrase that
 * names an event rather than a date ("before the offsite", "after the launch") is found, so it is
 * shown as written, and resolves to null. Weekdays mean the next one after the day of the
 * conversation ("by Friday" said on a Friday is a week later); "next Friday" is the Friday of the
 * following week; "next week" its Friday; "w/c 14th" that Monday; "week of the 14th" that week's
 * Friday; "thurs 26th" the 26th; "by 12" or "EOD" the same day; "13/10" the 13th of October or,
 * when both readings are dates, the one nearest after the conversation.
 */

const DAY_MS = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, ten: 10, couple: 2, few: 3 };

/** Events people set a date by, which name no date of their own. */
const EVENTS =
  String.raw`offsite|off-site|launch|release|review|all-hands|planning|retro|demo|board meeting|deadline|holidays?|break|cutover` +
  String.raw`|steering|sprint|reorg|kickoff|kick-off`;
const EVENT = new RegExp(String.raw`\b(?:${EVENTS})\b`);
const WEEKDAY = String.raw`(?:mon|tues?|weds|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b`;
const MONTH =
  String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?` +
  String.raw`|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?:\.(?=\s*\d))?`;
const ORDINAL = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const SUFFIXED = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)`;
const NUMERIC = String.raw`(?:[12]\d|3[01]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9])(?:/(?:20)?\d\d)?(?![\d/])`;
/** A day of a month: "14th", "the 14th", "14 Nov", "Nov 14", "14/11". */
const A_DATE = String.raw`(?:(?:the )?${ORDINAL}(?: of)? ${MONTH}|${MONTH} ${ORDINAL}\b|${NUMERIC}|(?:the )?${SUFFIXED}\b)`;
const WEEK = String.raw`(?:week|wk)`;
// A bare ordinal is a date at the end of its clause ("sat overtime 19th"), not before a noun ("3rd time", "1st catch-up").
const CLAUSE_END = String.raw`(?=\s*(?:$|[,.;:!?)\]]|\s(?:and|but|then|or|at|latest|-|\u2013)\b))`;

const COUNT = String.raw`(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|ten|a couple of|a few)`;

/** The phrases, most specific first; each is tried at every position, and the earliest, longest match wins. */
const WHEN_PHRASES: readonly string[] = [
  String.raw`(?:by |on |for |from |starting )?(?:w/c|w/b|wc|week (?:commencing|beginning))\.?:? (?:(?:mon(?:day)?|the) )?${A_DATE}`,
  String.raw`(?:by |in |during |for )?(?:the )?${WEEK} of (?:the )?${A_DATE}`,
  String.raw`(?:by |in |during )?(?:the )?(?:first|1st|second|2nd|third|3rd|fourth|4th) ${WEEK} of ${MONTH}`,
  String.raw`(?:by |on |before |for |until |from |starting )?(?:this |next |coming )?${WEEKDAY},? (?:the )?\(?(?:${ORDINAL} ${MONTH}` +
    String.raw`|${SUFFIXED}\b|${NUMERIC})\)?`,
  String.raw`(?:by |on |before |for |until |from |starting )?${WEEKDAY} (?:of )?next ${WEEK}\b`,
  String.raw`(?:by |on |before |until |no later than )?(?:the )?end of (?:the |this |next )?(?:day|${WEEK}|month|quarter|year|sprint)\b`,
  String.raw`(?:by |before )?(?:eod|eow|eom|cob)\b`,
  String.raw`(?:by |on |for )?(?:the )?day after tomorrow\b`,
  String.raw`(?:by |on |for )?(?:today|tonight|tomorrow|tmrw|tmr|tomoz)(?: (?:morning|afternoon|evening|night))?\b`,
  String.raw`(?:by |on |before |for |until |from |starting )?(?:this |next |coming )?${WEEKDAY}(?: (?:morning|afternoon|evening|night))?`,
  String.raw`(?:(?:by|on|before|until|from|for) )?(?:the )?${ORDINAL} of ${MONTH}`,
  String.raw`(?:(?:by|on|before|until|from|for) )?${MONTH} ${ORDINAL}\b`,
  String.raw`(?:(?:by|on|before|until|from|for) )?${ORDINAL} ${MONTH}`,
  String.raw`(?:by|on|before|until|from|for) (?:the ${ORDINAL}|${SUFFIXED})\b(?![:/.]?\d)(?!\s*(?:%|k\b|am\b|pm\b))`,
  String.raw`(?:(?:by|on|before|until|from|for) )?${NUMERIC}`,
  String.raw`${SUFFIXED}\b${CLAUSE_END}`,
  String.raw`by (?:(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?(?:am|pm)|noon|midday|lunch(?:time)?|close of (?:play|business)|cop)\b`,
  String.raw`by (?:1[0-2]|0?[1-9])(?::[0-5]\d)?(?![\d%/]|[.,]\d)${CLAUSE_END}`,
  String.raw`(?:with)?in (?:the next )?${COUNT} (?:days?|weeks?|wks?|months?)\b`,
  String.raw`(?:with)?in a fortnight(?:'s time)?\b|in two weeks' time\b`,
  String.raw`(?:by |before |for )?(?:this|next) (?:${WEEK}|month|quarter)\b`,
  String.raw`(?:by |before |for )(?:christmas|xmas)\b`,
  String.raw`(?:by |before |until |after )(?:the |our |my |your |their |his |her )?(?:next )?(?:${EVENTS})\b`,
];
// Each phrase starts on a word ("on today" is not found inside "caution today").
const WHEN = new RegExp(`\\b(?:${WHEN_PHRASES.map((p) => `(?:${p})`).join('|')})`, 'gi');

export interface FoundWhen {
  /** The words as written. */
  phrase: string;
  index: number;
}

/** The date phrases of a sentence, in order, none overlapping. */
export function findWhen(text: string): FoundWhen[] {
  const found: FoundWhen[] = [];
  for (const m of text.matchAll(WHEN)) {
    // A word that only looks like a weekday or month ("sun" in "sunny", "may" as a verb) is skipped.
    if (/^(?:may|sun|sat|mar|wed)$/i.test(m[0].trim()) || /^on may\b/i.test(m[0]) || /(?:^|\s)24\/7$/.test(m[0])) continue;
    if (m.index > 0 && /[\p{L}\p{N}]/u.test(text[m.index - 1] ?? '')) continue;
    found.push({ phrase: m[0].trim(), index: m.index });
  }
  return found;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const startOfDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
const addMonths = (ms: number, months: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
};
const lastDayOfMonth = (ms: number) => addMonths(ms, 1) - DAY_MS;

function weekdayIndex(word: string): number {
  const w = word.toLowerCase().slice(0, 2);
  return WEEKDAYS.findIndex((d) => d.startsWith(w === 'th' ? 'thu' : w === 'tu' ? 'tue' : w) || d.slice(0, 2) === w);
}

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.toLowerCase().slice(0, 3) as (typeof MONTHS)[number]);
}

function countOf(word: string): number {
  const w = word.toLowerCase().replace(/^a (couple|few)(?: of)?$/, '$1');
  return /^\d+$/.test(w) ? Number(w) : (NUMBERS[w] ?? 1);
}

/**
 * The ISO date (YYYY-MM-DD) a phrase sets, counted from `at` (epoch ms), or null when it names no
 * date. Ends of periods are their last working day for a week (Friday) and their last day otherwise.
 */
export function resolveWhen(phrase: string, at: number): string | null {
  const p = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  const day = startOfDay(at);
  const dow = new Date(day).getUTCDay();
  // Friday of the week `at` is in, weeks starting on Monday (a weekend looks ahead to the next one).
  const fridayThisWeek = day + ((5 - dow + 7) % 7) * DAY_MS;
  const mondayNextWeek = day + ((8 - dow) % 7 || 7) * DAY_MS;

  if (EVENT.test(p)) {
    return null;
  }
  if (/\b(?:christmas|xmas)\b/.test(p)) {
    const year = new Date(day).getUTCFullYear();
    const eve = Date.UTC(year, 11, 24);
    return iso(eve >= day ? eve : Date.UTC(year + 1, 11, 24));
  }
  const week = new RegExp(String.raw`\b(first|1st|second|2nd|third|3rd|fourth|4th) ${WEEK} of (${MONTH})`).exec(p);
  if (week) {
    const n = ['first', '1st', 'second', '2nd', 'third', '3rd', 'fourth', '4th'].indexOf(week[1] as string) >> 1;
    const first = dateOf(1, monthIndex(week[2] as string), day);
    return first === null ? null : iso(fridayOf(first) + n * 7 * DAY_MS);
  }
  const dated = dateIn(p, day);
  if (dated !== undefined) {
    if (dated === null) return null;
    // "w/c 14th" is that Monday; "the week of the 14th" is done by its Friday.
    if (/\bw(?:ee)?k of\b/.test(p)) return iso(fridayOf(dated));
    return iso(dated);
  }
  // "by 12", "by 5pm", "by lunch": later the same day.
  if (/^by (?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?(?:am|pm)?$|\b(?:noon|midday|lunch(?:time)?|close of (?:play|business)|cop)\b/.test(p)) return iso(day);
  const nextWeekday = new RegExp(String.raw`\b(${WEEKDAY}) (?:of )?next ${WEEK}\b`).exec(p);
  if (nextWeekday) return iso(mondayNextWeek + ((weekdayIndex(nextWeekday[1] as string) + 6) % 7) * DAY_MS);
  if (/\bday after tomorrow\b/.test(p)) return iso(day + 2 * DAY_MS);
  if (/\b(?:tomorrow|tmrw|tmr|tomoz)\b/.test(p)) return iso(day + DAY_MS);
  if (/\b(?:today|tonight|eod|cob)\b|end of (?:the |this )?day\b/.test(p)) return iso(day);
  if (/\beow\b|end of (?:the |this )?w(?:ee)?k\b|\bthis w(?:ee)?k\b/.test(p)) return iso(fridayThisWeek);
  if (/end of next w(?:ee)?k\b|\bnext w(?:ee)?k\b/.test(p)) return iso(/^by next w(?:ee)?k/.test(p) ? mondayNextWeek : mondayNextWeek + 4 * DAY_MS);
  if (/\beom\b|end of (?:the |this )?month\b|\bthis month\b/.test(p)) return iso(lastDayOfMonth(day));
  if (/end of next month\b|\bnext month\b/.test(p)) return iso(lastDayOfMonth(addMonths(day, 1)));
  if (/end of (?:the |this )?quarter\b|\bthis quarter\b/.test(p)) {
    const d = new Date(day);
    return iso(lastDayOfMonth(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 + 2, 1)));
  }
  if (/\bnext quarter\b/.test(p)) {
    const d = new Date(day);
    return iso(lastDayOfMonth(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 + 5, 1)));
  }
  if (/end of (?:the |this )?year\b/.test(p)) return `${new Date(day).getUTCFullYear()}-12-31`;
  if (/\bfortnight\b|two weeks' time/.test(p)) return iso(day + 14 * DAY_MS);
  const span = new RegExp(String.raw`in (?:the next )?(${COUNT}) (day|week|wk|month)s?\b`).exec(p);
  if (span) {
    const n = countOf(span[1] as string);
    if (span[2] === 'month') {
      const d = new Date(day);
      return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate()));
    }
    return iso(day + n * (span[2] === 'day' ? 1 : 7) * DAY_MS);
  }
  const weekday = new RegExp(String.raw`\b(next |this |coming )?(${WEEKDAY})`).exec(p);
  if (weekday) {
    const target = weekdayIndex(weekday[2] as string);
    if (target < 0) return null;
    if (weekday[1] === 'next ') return iso(mondayNextWeek + ((target + 6) % 7) * DAY_MS);
    return iso(day + ((target - dow + 7) % 7 || 7) * DAY_MS);
  }
  return null;
}

/** The day of a month a phrase names, as epoch ms: undefined when it names none, null when it names one that does not exist. */
function dateIn(p: string, day: number): number | null | undefined {
  const dayFirst = new RegExp(String.raw`\b(${ORDINAL})(?: of)? (${MONTH})`).exec(p);
  const monthFirst = new RegExp(String.raw`\b(${MONTH}) (${ORDINAL})\b`).exec(p);
  if (dayFirst || monthFirst) {
    const [date, month] = dayFirst ? [dayFirst[1], dayFirst[2]] : [monthFirst?.[2], monthFirst?.[1]];
    return dateOf(parseInt(date as string, 10), monthIndex(month as string), day);
  }
  const numeric = /\b(\d{1,2})\/(\d{1,2})(?:\/(?:20)?(\d\d))?\b/.exec(p);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    // Day first ("13/10") or month first ("12/2"): when both read as dates, the one nearest after the conversation.
    const readings = [dateOf(a, b - 1, day), dateOf(b, a - 1, day)].filter((d): d is number => d !== null);
    const ahead = readings.filter((d) => d >= day);
    return readings.length === 0 ? null : ahead.length > 0 ? Math.min(...ahead) : Math.max(...readings);
  }
  const nth = new RegExp(String.raw`(?:\bthe (${ORDINAL})|\b(${SUFFIXED}))\b`).exec(p);
  if (nth) {
    const date = parseInt((nth[1] ?? nth[2]) as string, 10);
    const d = new Date(day);
    let month = d.getUTCMonth();
    if (date < d.getUTCDate()) month += 1;
    const when = Date.UTC(d.getUTCFullYear(), month, date);
    return validDay(when, ((month % 12) + 12) % 12) ? when : null;
  }
  return undefined;
}

/** A date of a month, this year's or, when that is more than a month gone, next year's; null when the month has no such day. */
function dateOf(date: number, month: number, day: number): number | null {
  if (month < 0 || month > 11) return null;
  const year = new Date(day).getUTCFullYear();
  let when = Date.UTC(year, month, date);
  if (when < day - 31 * DAY_MS) when = Date.UTC(year + 1, month, date);
  return validDay(when, month) ? when : null;
}

/** The Friday of the week (Monday to Sunday) a day is in. */
function fridayOf(ms: number): number {
  const dow = new Date(ms).getUTCDay();
  return ms + (((5 - dow + 7) % 7) - (dow === 0 || dow === 6 ? 7 : 0)) * DAY_MS;
}

/** The 31st of a 30-day month rolls over in Date.UTC: such a date is no date. */
function validDay(when: number, month: number): boolean {
  return new Date(when).getUTCMonth() === month;
}
