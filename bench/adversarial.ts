import { parseConfig } from '../src/config.js';
import { analysisTime, KNOWN_HAZARDS, realisticDraft, repeatTo } from '../test/support/adversarial-drafts.js';
import type { Figure } from './figure.js';
import { inProcessApp } from './in-process.js';

/**
 * Texts made to be slow, against realistic ones of the same length (test/support/adversarial-drafts.ts):
 * the analyzer on the worst known adversarial draft at the draft limit, and ending a rehearsal that
 * holds as many turns of adversarial text as the configuration allows (the critique at the end used
 * to read all of them).
 */
export async function benchAdversarial(): Promise<Figure[]> {
  const config = parseConfig({ LOOP_COACH_PROVIDER: 'offline' });
  const length = config.draftMaxChars;
  const drafts = [0, 1, 2].flatMap((i) => [realisticDraft(length, 'employee', i), realisticDraft(length, 'manager', i)]);
  for (const d of drafts) analysisTime(d, 2);
  const realistic = Math.max(...drafts.map((d) => analysisTime(d)));
  const worst = KNOWN_HAZARDS.map((h) => h(length))
    .map((text) => ({ text, ms: analysisTime(text) }))
    .reduce((a, b) => (b.ms > a.ms ? b : a));
  return [
    {
      name: `analyzer, worst adversarial ${length}-char draft (both modes)`,
      value: worst.ms,
      unit: 'ms',
      detail: `${JSON.stringify(worst.text.slice(0, 16))}...; a realistic draft of the same length: ${realistic.toFixed(1)} ms (${(worst.ms / realistic).toFixed(1)}x)`,
      bar: '<= 5x realistic + 25 ms',
      pass: worst.ms <= 5 * realistic + 25,
      deterministic: false,
    },
    await endAfterMaximalSession(),
  ];
}

/** POST /end on a session with the most turns of the longest adversarial text the configuration allows, stored through the API. */
async function endAfterMaximalSession(): Promise<Figure> {
  const env = { LOOP_COACH_PROVIDER: 'offline', LOOP_COACH_MAX_TURNS: '300', LOOP_COACH_TURN_MAX_CHARS: '4000' };
  const config = parseConfig(env);
  const ctx = await inProcessApp(env);
  try {
    const session = (await ctx.json('/api/sessions', { method: 'POST', headers: ctx.headers, body: JSON.stringify({ scenarioId: 'offer-help' }) })) as {
      id: string;
    };
    const turn = repeatTo('no mess ', config.turnMaxChars);
    for (let i = 0; i < config.maxTurns; i++) {
      await ctx.json(`/api/sessions/${session.id}/messages`, { method: 'POST', headers: ctx.headers, body: JSON.stringify({ text: turn }) });
    }
    const started = performance.now();
    await ctx.json(`/api/sessions/${session.id}/end`, { method: 'POST', headers: ctx.headers });
    const ms = performance.now() - started;
    return {
      name: 'End after a maximal adversarial rehearsal',
      value: ms,
      unit: 'ms',
      detail: `${config.maxTurns} turns of ${config.turnMaxChars} chars ("no mess " repeated); the critique reads the last ${config.draftMaxChars} chars`,
      bar: 'info',
      pass: true,
      deterministic: false,
    };
  } finally {
    ctx.close();
  }
}
