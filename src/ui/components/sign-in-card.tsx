/**
 * "Been here before?": for someone whose cookie is gone (cleared, expired, another device), whom
 * the visit has just made a new, empty guest. A passkey (with the passkey script) or a recovery
 * code signs this browser in to the account they kept instead.
 */
export function SignInCard() {
  return (
    <section class="card" aria-labelledby="sign-in-h">
      <h2 id="sign-in-h">Been here before?</h2>
      <p>If you kept your account with a passkey or a recovery code, sign in to it. This browser then holds that account instead of the one it has now.</p>
      <div id="sign-in-alert" class="alert" role="alert" tabindex={-1} hidden></div>
      <div class="actions" data-passkey-only hidden>
        <button type="button" data-passkey-sign-in data-alert="sign-in-alert">
          Sign in with a passkey
        </button>
      </div>
      <form method="post" action="/account/sign-in">
        <label for="sign-in-code">Or use a recovery code</label>
        <input type="text" id="sign-in-code" name="code" autocomplete="off" autocapitalize="characters" spellcheck={false} />
        <div class="actions">
          <button type="submit" class="secondary">
            Sign in with the code
          </button>
        </div>
      </form>
    </section>
  );
}
