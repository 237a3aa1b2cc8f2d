import { Hono, type Context } from 'hono';
import type { Deps } from '../deps.js';
import type { AppEnv } from '../http/app-env.js';
import { adoptSignIn } from '../http/sign-in.js';
import { deleteAccount } from '../services/account.js';
import { createRecoveryCode, listPasskeys, MAX_PASSKEYS, recoveryCodeStatus, removePasskey, signInWithRecoveryCode } from '../services/passkeys.js';
import type { KeepAccountState } from './components/keep-account.js';
import { formFields } from './form-fields.js';
import { clearTokenCookie } from './page-user.js';
import { AccountPage, type AccountPageProps } from './pages/account-page.js';
import { engineName, render } from './render.js';

const NOTICES: Record<string, string> = {
  'signed-in': 'You are signed in: this browser now holds your account. A recovery code works once: if you used yours, create a new one below.',
  added: 'Your passkey is added: sign in with it on any device that holds it.',
};

/**
 * The account page and its forms: export, delete, and keeping the account (a passkey is added and
 * used through the API by the passkey script; removing one, making a recovery code and signing in
 * with one are forms). The same services as the API's routes.
 */
export function accountPages(deps: Deps) {
  const engine = engineName(deps.engine);
  const pages = new Hono<AppEnv>();

  const keepState = async (userId: string, newCode?: string): Promise<KeepAccountState> => ({
    passkeys: (await listPasskeys(deps, userId, { limit: MAX_PASSKEYS })).items,
    recoveryCode: await recoveryCodeStatus(deps, userId),
    ...(newCode && { newCode }),
  });
  const page = async (c: Context<AppEnv>, props: Omit<AccountPageProps, 'engine' | 'user' | 'keep'> & { newCode?: string } = {}, status: 200 | 400 = 200) => {
    const { newCode, ...rest } = props;
    const user = c.get('user');
    return render(c, <AccountPage engine={engine} user={user} keep={await keepState(user.id, newCode)} {...rest} />, status);
  };

  pages.get('/account', (c) => {
    const notice = c.req.query('signed-in') !== undefined ? NOTICES['signed-in'] : c.req.query('added') !== undefined ? NOTICES.added : undefined;
    return page(c, { notice });
  });

  pages.post('/account/delete', async (c) => {
    if ((await formFields(c))('confirm') !== 'yes') return page(c, { error: 'Tick the box to confirm, then delete.' }, 400);
    await deleteAccount(deps, c.get('user').id);
    clearTokenCookie(c);
    return c.redirect('/?deleted=1', 303);
  });

  // The code is on this response alone (no-store, like every account page); a reload would make another.
  pages.post('/account/recovery-code', async (c) => {
    const { code } = await createRecoveryCode(deps, c.get('user').id);
    return page(c, { newCode: code });
  });

  pages.post('/account/passkeys/:id/delete', async (c) => {
    await removePasskey(deps, c.get('user').id, c.req.param('id'));
    return c.redirect('/account', 303);
  });

  // A refused code is the 401 error page, like the API's 401; the cookie the visitor had is kept.
  pages.post('/account/sign-in', async (c) => {
    const signedIn = await signInWithRecoveryCode(deps, deps.clientAddress?.(c), (await formFields(c))('code'));
    await adoptSignIn(deps, c, signedIn);
    return c.redirect('/account?signed-in=1', 303);
  });

  return pages;
}
