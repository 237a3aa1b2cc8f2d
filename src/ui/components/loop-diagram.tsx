import type { Progress } from '../../coach/progress.js';
import { FIVE_STEPS, LOOP_STEP_TEXT } from '../loop-steps.js';
import { scoreBand } from './critique-view.js';

const SIZE = 340;
const CENTER = SIZE / 2;
const RING = 120;
const NODE = 42;
// Degrees of ring left free on each side of a node, so arrows start and end outside it.
const GAP = 25;

const at = (deg: number, r = RING) => {
  const rad = (deg * Math.PI) / 180;
  return { x: round(CENTER + r * Math.cos(rad)), y: round(CENTER + r * Math.sin(rad)) };
};
const round = (n: number) => Math.round(n * 10) / 10;
const angleOf = (i: number) => -90 + i * 72;

/** The bands the pages name in words (critique-view's), so a node's colour agrees with the step list below it. */
const nodeBand = (score: number | null) => (score === null ? 'none' : scoreBand(score));

/** One step's node: what it shows (a score, or a word), its colour band, and the data attributes that name its state. */
export interface RingNode {
  value: string;
  band: 'none' | 'low' | 'mid' | 'high';
  data: Record<`data-${string}`, string>;
}

/**
 * The five steps drawn as a loop. Drawn for the eye: the title and the description say all of it
 * in words, so the drawing itself is hidden from screen readers.
 */
export function LoopRing({ title, caption, description, nodes }: { title: string; caption: string; description: string; nodes: readonly RingNode[] }) {
  return (
    <svg class="loop" viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-labelledby="loop-title loop-desc">
      <title id="loop-title">{title}</title>
      <desc id="loop-desc">{description}</desc>
      <g aria-hidden="true">
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="7" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#8a93a3" />
          </marker>
        </defs>
        {FIVE_STEPS.map((_, i) => {
          const from = at(angleOf(i) + GAP);
          const to = at(angleOf(i + 1) - GAP);
          return <path class="ring" d={`M${from.x} ${from.y} A${RING} ${RING} 0 0 1 ${to.x} ${to.y}`} marker-end="url(#arrow)" />;
        })}
        <text x={CENTER} y={CENTER - 4} text-anchor="middle" font-size="15" font-weight="700" fill="#1d2433">
          The loop
        </text>
        <text x={CENTER} y={CENTER + 16} text-anchor="middle" font-size="11" fill="#5b6475">
          {caption}
        </text>
        {FIVE_STEPS.map((k, i) => {
          const p = at(angleOf(i));
          const node = nodes[i];
          const value = node?.value ?? '';
          return (
            <g data-step={k} {...node?.data}>
              <circle class={`node-${node?.band ?? 'none'}`} cx={p.x} cy={p.y} r={NODE} stroke-width="2" />
              <text x={p.x} y={p.y - 16} text-anchor="middle" font-size="11" fill="#5b6475">
                Step {k}
              </text>
              {/* A score fits large; a word ("done", "next") smaller. */}
              <text x={p.x} y={p.y + 6} text-anchor="middle" font-size={value.length > 3 ? '14' : '20'} font-weight="700" fill="#1d2433">
                {value}
              </text>
              <text x={p.x} y={p.y + 22} text-anchor="middle" font-size="10" fill="#1d2433">
                {LOOP_STEP_TEXT[k].short}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}

/** The five steps as a loop (the user's side), each node showing the step's latest score (a dash when never practised). */
export function LoopDiagram({ steps }: { steps: Progress['steps'] }) {
  const scoreOf = (step: string) => steps.find((s) => s.step === step)?.latestScore ?? null;
  return (
    <LoopRing
      title="The Magic Loop with your latest score at each step"
      caption="latest score per step"
      description={FIVE_STEPS.map((k) => `Step ${k}, ${LOOP_STEP_TEXT[k].title}: ${scoreOf(k) ?? 'not practised yet'}`).join('. ')}
      nodes={FIVE_STEPS.map((k) => {
        const score = scoreOf(k);
        return { value: score === null ? '–' : String(score), band: nodeBand(score), data: { 'data-score': score === null ? '' : String(score) } };
      })}
    />
  );
}
