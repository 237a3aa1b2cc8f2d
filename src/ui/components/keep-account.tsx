import type { PasskeyListing } from '../../services/passkeys.js';

/** What the account page shows of the ways back in: the passkeys, the recovery code's date, and a new code once, just made. */
export interface KeepAccountState {
  passkeys: PasskeyListing[];
  recoveryCode: { createdAt: Date } | null;
  /** A code just created: on this response only, never stored in the clear. */
  newCode?: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * "Keep your account": a guest is only a cookie until they add a passkey or make a recovery code,
 * so the page says so plainly while they have neither. Adding a passkey needs the passkey script
 * (WebAuthn has no form); removing one and making a code are plain forms.
 */
export function KeepAccount({ passkeys, recoveryCode, newCode }: KeepAccountState) {
  const kept = passkeys.length > 0 || recoveryCode !== null;
  return (
    <section class="card" aria-labelledby="keep-h">
      <h2 id="keep-h">Keep your account</h2>
      {kept ? (
        <p>If this browser loses its cookie, or you move to another device, sign in again with {passkeys.length > 0 ? 'a passkey' : 'your recovery code'}.</p>
      ) : (
        <p id="keep-warning" class="alert" data-unkept>
          <strong>Nothing keeps this account yet.</strong> It lives only in this browser's cookie: if the cookies are cleared, this device is lost, or you stay
          away for a month, it is gone for good. Add a passkey, or create a recovery code.
        </p>
      )}

      <h3 id="passkeys-h">Passkeys</h3>
      <p class="muted">
        A passkey signs you in with this device's screen lock (or a phone or security key that holds it), here or on another device. No password, no email.
      </p>
      {passkeys.length > 0 ? (
        <ul class="list" aria-labelledby="passkeys-h">
          {passkeys.map((p) => (
            <li data-passkey={p.id}>
              <strong>{p.name}</strong>{' '}
              <span class="muted">
                added {day(p.createdAt)}, {p.lastUsedAt ? `last used to sign in ${day(p.lastUsedAt)}` : 'not used to sign in yet'}
                {p.backedUp ? ', synced to your other devices' : ''}
              </span>
              <form method="post" action={`/account/passkeys/${p.id}/delete`}>
                <button type="submit" class="secondary">
                  Remove<span class="visually-hidden"> the passkey {p.name}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>No passkeys yet.</p>
      )}
      <div id="passkey-alert" class="alert" role="alert" tabindex={-1} hidden></div>
      <form data-passkey-add data-alert="passkey-alert" data-passkey-only hidden>
        <label for="passkey-name">
          Name it (optional)
          <span class="hint-text">To tell your passkeys apart, for example "Work laptop".</span>
        </label>
        <input type="text" id="passkey-name" name="name" autocomplete="off" />
        <div class="actions">
          <button type="submit">Add a passkey</button>
        </div>
      </form>
      <p class="muted" data-passkey-missing>
        Adding a passkey needs a browser that supports passkeys, with JavaScript on.
      </p>

      <h3 id="code-h">Recovery code</h3>
      {newCode ? (
        <div class="notice" role="status">
          <p>
            Your recovery code: <code id="recovery-code">{newCode}</code>
          </p>
          <p>Write it down or keep it in a password manager now: it is shown only this once. It signs you in once, on any device; then make a new one.</p>
        </div>
      ) : null}
      <p>
        {recoveryCode
          ? `You have a recovery code, made ${day(recoveryCode.createdAt)}. A new one replaces it.`
          : 'No recovery code yet. It is the fallback: one sign-in, on any device, without a passkey.'}
      </p>
      <form method="post" action="/account/recovery-code">
        <div class="actions">
          <button type="submit" class="secondary">
            {recoveryCode ? 'Replace it with a new code' : 'Create a recovery code'}
          </button>
        </div>
      </form>
    </section>
  );
}
