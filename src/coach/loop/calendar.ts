import type { Commitment } from './loop-state.js';

/**
 * One relationship's reminders as an iCalendar feed (RFC 5545): the next check-in and every open
 * commitment with a date, as all-day events. UIDs are stable (the relationship's check-in, each
 * commitment's id), so a calendar that subscribes updates the events rather than adding copies.
 */
export interface CalendarInput {
  relationshipId: string;
  name: string;
  nextCheckIn: { date: string } | null;
  commitments: readonly Commitment[];
  /** Epoch ms: the feed's DTSTAMP. */
  now: number;
}

const basicDate = (isoDate: string) => isoDate.replaceAll('-', '');
const nextDay = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const stamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * A content line folded as RFC 5545 3.1 asks: no line longer than 75 octets, each continuation
 * starting with one space, and never splitting a character's UTF-8 bytes.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function event(uid: string, date: string, summary: string, description: string, now: number): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART;VALUE=DATE:${basicDate(date)}`,
    `DTEND;VALUE=DATE:${basicDate(nextDay(date))}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

export function calendarFeed(input: CalendarInput): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Loop Coach//Loop reminders//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  lines.push(`X-WR-CALNAME:${escapeText(`Loop Coach: ${input.name}`)}`);
  if (input.nextCheckIn) {
    lines.push(
      ...event(
        `checkin-${input.relationshipId}@loop-coach`,
        input.nextCheckIn.date,
        `Check in with ${input.name}`,
        'Your next loop conversation: report what you delivered, ask, offer. The plan has a draft.',
        input.now,
      ),
    );
  }
  for (const c of input.commitments) {
    if (c.status === 'done' || c.due === null) continue;
    const summary = c.owner === 'me' ? `Due to ${input.name}: ${c.text}` : `${input.name} said they would: ${c.text}`;
    const description = c.when ? `Agreed as "${c.when}".` : 'Agreed in your notes.';
    lines.push(...event(`${c.id}@loop-coach`, c.due, summary, description, input.now));
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
