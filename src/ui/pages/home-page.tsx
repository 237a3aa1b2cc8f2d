import { SCENARIOS } from '../../coach/scenarios/index.js';
import { SignInCard } from '../components/sign-in-card.js';
import { Layout } from '../layout.js';
import { FIVE_STEPS, LOOP_STEP_TEXT } from '../loop-steps.js';
import { PASSKEY_SCRIPT_PATH } from '../passkey-script.js';

const FEATURED = new Set(['goal-alignment', 'manager-initiated']);
const stepLabel = (step: number | 'advanced' | null) => (step === null ? 'Manager side' : step === 'advanced' ? 'Advanced' : `Step ${step}`);

export function HomePage({ engine, deleted }: { engine: string; deleted: boolean }) {
  const others = Object.values(SCENARIOS).filter((s) => !FEATURED.has(s.id));
  return (
    <Layout title="Loop Coach" nav="home" engine={engine}>
      <script src={PASSKEY_SCRIPT_PATH} defer></script>
      {deleted ? (
        <p class="notice" role="status">
          Your data was deleted. You are starting again as a new guest.
        </p>
      ) : null}
      <h1>Grow your career by helping your boss succeed</h1>
      <p class="lead">Practise the Magic Loop: rehearse the conversation with a role-played manager, or get feedback on a message before you send it.</p>

      <h2 id="start-h">Start here</h2>
      <ul class="entries" aria-labelledby="start-h">
        <li>
          <a class="entry" href="/sessions/new?scenario=goal-alignment">
            Rehearse the goal-alignment ask
            <span>Link your goal to what your manager needs, with a manager who has their own ideas.</span>
          </a>
        </li>
        <li>
          <a class="entry" href="/drafts/new">
            Get feedback on a draft to my boss
            <span>Paste your message; see which steps it makes, what it misses and a rewrite.</span>
          </a>
        </li>
        <li>
          <a class="entry" href="/sessions/new?scenario=manager-initiated">
            Practise as the manager
            <span>Start the loop with someone on your team without assuming what they want.</span>
          </a>
        </li>
      </ul>

      <h2 id="loop-h">The Magic Loop in five steps</h2>
      <ol class="steps" aria-labelledby="loop-h">
        {FIVE_STEPS.map((key) => (
          <li>
            <span class="n" aria-hidden="true">
              {key}
            </span>
            <strong>{LOOP_STEP_TEXT[key].title}</strong>
            <span class="d">{LOOP_STEP_TEXT[key].detail}</span>
          </li>
        ))}
      </ol>
      <p class="muted">
        {LOOP_STEP_TEXT.advanced.title}, for senior people: {LOOP_STEP_TEXT.advanced.detail.toLowerCase()}
      </p>

      <h2 id="more-h">More rehearsals</h2>
      <ul class="list" aria-labelledby="more-h">
        {others.map((s) => (
          <li>
            <span class="tag">{stepLabel(s.step)}</span> <a href={`/sessions/new?scenario=${s.id}`}>{s.title}</a>
          </li>
        ))}
      </ul>

      <SignInCard />
    </Layout>
  );
}
