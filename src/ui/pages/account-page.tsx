import type { User } from '../../services/account.js';
import { KeepAccount, type KeepAccountState } from '../components/keep-account.js';
import { SignInCard } from '../components/sign-in-card.js';
import { Layout } from '../layout.js';
import { PASSKEY_SCRIPT_PATH } from '../passkey-script.js';

export interface AccountPageProps {
  engine: string;
  user: User;
  keep: KeepAccountState;
  /** What just happened (signed in, a passkey added), said once at the top. */
  notice?: string | undefined;
  error?: string;
}

export function AccountPage({ engine, user, keep, notice, error }: AccountPageProps) {
  return (
    <Layout title="Account" nav="account" engine={engine}>
      <script src={PASSKEY_SCRIPT_PATH} defer></script>
      <h1>Your account</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        You are a guest (<code>{user.id}</code>) since {user.createdAt.toISOString().slice(0, 10)}. This browser keeps your key in a cookie; there is no
        password and no email.
      </p>

      <KeepAccount {...keep} />
      <SignInCard />

      <section class="card" aria-labelledby="export-h">
        <h2 id="export-h">Export your data</h2>
        <p>One JSON file with everything stored about you: your drafts, rehearsals with their transcripts, and all feedback.</p>
        <a class="button" href="/api/me/export" download="loop-coach-export.json">
          Download my data (JSON)
        </a>
      </section>

      <section class="card" aria-labelledby="delete-h">
        <h2 id="delete-h">Delete your data</h2>
        <p>This deletes your drafts, rehearsals, feedback and progress for good, and signs this browser out. It cannot be undone.</p>
        <div id="delete-alert" class="alert" role="alert" hidden={!error}>
          {error ?? ''}
        </div>
        <form
          method="post"
          action="/account/delete"
          data-api="/api/me"
          data-method="DELETE"
          data-then="/?deleted=1"
          data-alert="delete-alert"
          data-busy="Deleting…"
        >
          <label class="choice">
            <input type="checkbox" name="confirm" value="yes" required /> Yes, delete everything
          </label>
          <div class="actions">
            <button type="submit" class="danger">
              Delete my data
            </button>
          </div>
        </form>
      </section>
    </Layout>
  );
}
