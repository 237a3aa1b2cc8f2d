/**
 * Issue 19, item 8, "Keep your account", in a real browser: Debian chromium through playwright-core,
 * with the Chrome DevTools Protocol's WebAuthn domain standing in for the person's authenticator
 * (a virtual platform authenticator: CTAP2, internal transport, resident keys, user verification).
 * On http://localhost, which browsers treat as a secure context (passkeys need one, and an RP ID
 * that is a name, not an address).
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { launchChromium, startUiServer, type UiServer } from './support/ui-server.js';

let browser: Browser;
let server: UiServer;
let origin: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startUiServer()]);
  origin = server.url.replace('127.0.0.1', 'localhost');
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

interface Device {
  page: Page;
  cdp: CDPSession;
  authenticatorId: string;
  problems: string[];
}

/** A browser (a context of its own: its own cookies) with a virtual passkey authenticator, as a laptop with a fingerprint reader. */
async function device(): Promise<Device> {
  const context = await browser.newContext({ baseURL: origin });
  context.setDefaultTimeout(5_000);
  contexts.push(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  return { page, cdp, authenticatorId, problems };
}

/** The guest the page says this browser holds. */
const guestId = async (page: Page) => {
  await page.goto('/account');
  return (await page.locator('main code').first().textContent()) ?? '';
};

const credentialsOf = async (d: Device) =>
  (await d.cdp.send('WebAuthn.getCredentials', { authenticatorId: d.authenticatorId })).credentials as Array<{
    credentialId: string;
    isResidentCredential: boolean;
    rpId?: string;
    userHandle?: string;
    privateKey: string;
    signCount: number;
  }>;

describe('keep your account (issue 19, item 8)', () => {
  it('adds a passkey on the account page, then signs in with it after the cookies are cleared, and on another device holding it', async () => {
    const laptop = await device();
    const { page } = laptop;
    await page.goto('/account');
    const owner = (await page.locator('main code').first().textContent()) ?? '';
    expect(owner).toMatch(/^usr_/);
    // A guest with neither a passkey nor a recovery code is warned.
    expect(await page.locator('#keep-warning').isVisible()).toBe(true);

    await page.getByLabel(/Name it/).fill('Test laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.waitForURL(/\/account\?added=passkey$/);
    expect(await page.locator('[data-passkey]').allTextContents()).toEqual([
      expect.stringMatching(/^Test laptop added \d{4}-\d{2}-\d{2}, not used to sign in yet/),
    ]);
    expect(await page.locator('#keep-warning').count()).toBe(0);
    const [credential] = await credentialsOf(laptop);
    expect(credential).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });
    expect(Buffer.from(credential?.userHandle ?? '', 'base64').toString()).toBe(owner);

    // The cookie is gone: the next visit is a new, empty guest, offered the sign-in.
    await page.context().clearCookies();
    await page.goto('/');
    const stranger = await guestId(page);
    expect(stranger).not.toBe(owner);
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL(/\/account\?signed-in=1$/);
    expect(await page.locator('main code').first().textContent()).toBe(owner);
    expect(await page.getByRole('status').filter({ hasText: 'You are signed in' }).isVisible()).toBe(true);
    expect(await page.locator('[data-passkey]').first().textContent()).toMatch(/last used to sign in/);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'lc_token');
    expect(cookie?.httpOnly).toBe(true);

    // Another device the passkey was synced to: the same credential, with its signature counter as of now (one that
    // went back would be refused as a copy of the key; test/passkeys.test.ts holds that).
    const phone = await device();
    const [synced] = await credentialsOf(laptop);
    await phone.cdp.send('WebAuthn.addCredential', { authenticatorId: phone.authenticatorId, credential: synced as never });
    await phone.page.goto('/account');
    expect(await phone.page.locator('main code').first().textContent()).not.toBe(owner);
    await phone.page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await phone.page.waitForURL(/\/account\?signed-in=1$/);
    expect(await phone.page.locator('main code').first().textContent()).toBe(owner);
    expect([...laptop.problems, ...phone.problems]).toEqual([]);
  });

  it('signs in with a recovery code once; shows the API’s refusal for a removed passkey and the 401 page for a used code', async () => {
    const laptop = await device();
    const { page } = laptop;
    const owner = await guestId(page);
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.waitForURL(/added=passkey/);
    await page.getByRole('button', { name: 'Create a recovery code' }).click();
    const code = (await page.locator('#recovery-code').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    // axe on the account page with everything showing: a passkey listed, a code just made, the sign-in.
    expect(await axeViolations(page)).toEqual([]);

    const elsewhere = await device();
    await elsewhere.page.goto('/');
    expect(await axeViolations(elsewhere.page)).toEqual([]);
    await elsewhere.page.getByLabel('Or use a recovery code').fill(code.toLowerCase());
    await elsewhere.page.getByRole('button', { name: 'Sign in with the code' }).click();
    await elsewhere.page.waitForURL(/\/account\?signed-in=1$/);
    expect(await elsewhere.page.locator('main code').first().textContent()).toBe(owner);

    // The code is used up: a second try is refused with the 401 page.
    const again = await device();
    await again.page.goto('/');
    await again.page.getByLabel('Or use a recovery code').fill(code);
    const [refused] = await Promise.all([
      again.page.waitForResponse((r) => r.url().endsWith('/account/sign-in')),
      again.page.getByRole('button', { name: 'Sign in with the code' }).click(),
    ]);
    expect(refused.status()).toBe(401);
    expect(await again.page.locator('h1').textContent()).toBe('Not signed in');

    // The passkey removed from the account: the authenticator still offers it, and the API's 401 is shown.
    await elsewhere.page.getByRole('button', { name: /^Remove/ }).click();
    await elsewhere.page.waitForURL(/\/account$/);
    await page.context().clearCookies();
    await page.goto('/');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/auth/passkey')),
      page.getByRole('button', { name: 'Sign in with a passkey' }).click(),
    ]);
    expect(answer.status()).toBe(401);
    await expect.poll(() => page.locator('#sign-in-alert').textContent()).toMatch(/That passkey did not sign you in/);
    expect(await page.locator('#sign-in-alert').isVisible()).toBe(true);
    expect([...laptop.problems, ...elsewhere.problems, ...again.problems]).toEqual([]);
  });
});
