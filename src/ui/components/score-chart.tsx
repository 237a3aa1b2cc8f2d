import type { Progress } from '../../coach/progress.js';
import { SCENARIO_IDS, SCENARIOS, type ScenarioId } from '../../coach/scenarios/index.js';

// Narrow on purpose: the chart scales to the screen, and text stays readable on a phone.
const W = 480;
const H = 250;
const PAD = { left: 36, right: 12, top: 14, bottom: 42 };
const TICKS = [0, 25, 50, 75, 100];

/** One colour class per scenario, the same on every chart and legend. */
const seriesClass = (scenarioId: string) => `s${Math.max(0, SCENARIO_IDS.indexOf(scenarioId as ScenarioId))}`;
const titleOf = (scenarioId: string) => SCENARIOS[scenarioId as ScenarioId]?.title ?? scenarioId;

/**
 * Scores over time, one line per scenario. The x axis is the order of finished rehearsals
 * rather than the calendar, so a busy afternoon and a quiet month both stay readable.
 */
export function ScoreChart({ scenarios }: { scenarios: Progress['scenarios'] }) {
  const all = scenarios
    .flatMap((s) => s.points.map((p) => ({ ...p, scenarioId: s.scenarioId })))
    .sort((a, b) => a.at.localeCompare(b.at) || a.sessionId.localeCompare(b.sessionId));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (sessionId: string) => round(PAD.left + ((all.findIndex((p) => p.sessionId === sessionId) + 0.5) * plotW) / all.length);
  const y = (score: number) => round(PAD.top + (1 - score / 100) * plotH);
  return (
    <figure class="chart-figure">
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title">
        <title id="chart-title">Rehearsal scores over time, one line per scenario</title>
        {TICKS.map((t) => (
          <>
            <line class="grid" x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
            <text x={PAD.left - 8} y={y(t) + 4} text-anchor="end" font-size="13" fill="#5b6475">
              {String(t)}
            </text>
          </>
        ))}
        <line class="axis" x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
        <text x={PAD.left + plotW / 2} y={H - 8} text-anchor="middle" font-size="14" fill="#5b6475">
          Finished rehearsals, oldest first
        </text>
        {all.length <= 20
          ? all.map((p, i) => (
              <text x={x(p.sessionId)} y={y(0) + 18} text-anchor="middle" font-size="13" fill="#5b6475">
                {String(i + 1)}
              </text>
            ))
          : null}
        {scenarios.map((s) => (
          <g data-series={s.scenarioId}>
            {s.points.length > 1 ? (
              <polyline class={`series ${seriesClass(s.scenarioId)}`} points={s.points.map((p) => `${x(p.sessionId)},${y(p.score)}`).join(' ')} />
            ) : null}
            {s.points.map((p) => (
              <circle class={seriesClass(s.scenarioId)} cx={x(p.sessionId)} cy={y(p.score)} r="5" data-point={p.sessionId} data-score={String(p.score)}>
                <title>
                  {titleOf(s.scenarioId)}: {String(p.score)} on {p.at.slice(0, 10)}
                </title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul class="legend">
          {scenarios.map((s) => (
            <li>
              <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                <rect class={seriesClass(s.scenarioId)} width="14" height="14" rx="3" />
              </svg>
              {titleOf(s.scenarioId)} ({s.points.length})
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

const round = (n: number) => Math.round(n * 10) / 10;
