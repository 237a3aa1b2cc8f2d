/**
 * The web pages in a real browser (Debian chromium through playwright-core) against the real Node
 * app on a random port: the offline engine, and a scripted OpenAI-compatible server for failures.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAIChatModel } from '../src/llm/openai-chat-model.js';
import { startScriptedOpenAI, type ScriptedOpenAI } from './support/scripted-openai-server.js';
import { launchChromium, startUiServer, type UiServer } from './support/ui-server.js';

let browser: Browser;
let offline: UiServer;
let scripted: ScriptedOpenAI;
let failing: UiServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  scripted = await startScriptedOpenAI();
  [browser, offline, failing] = await Promise.all([
    launchChromium(),
    startUiServer(),
    startUiServer({ model: createOpenAIChatModel({ apiKey: 'k', baseURL: scripted.baseURL, model: 'scripted-model', timeoutMs: 5_000, maxRetries: 0 }) }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([offline?.close(), failing?.close(), scripted?.close()]);
});

/** A fresh browser context is a new visitor: the first page it opens makes it a guest. */
async function visitor(server: UiServer = offline): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL: server.url });
  context.setDefaultTimeout(5_000);
  contexts.push(context);
  const page = await context.newPage();
  const problems: string[] = [];
  // A CSP violation or a script error would mean the page silently lost its enhancements.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

async function startRehearsal(page: Page, scenario: string): Promise<string> {
  await page.goto(`/sessions/new?scenario=${scenario}`);
  await page.getByLabel('Easy: opens up quickly').check();
  await page.getByRole('button', { name: 'Start the rehearsal' }).click();
  await page.waitForURL(/\/sessions\/ses_/);
  return page.url();
}

const replies = (page: Page) => page.locator('#transcript li[data-role="persona"][data-status="complete"]');

async function say(page: Page, text: string): Promise<void> {
  const before = await replies(page).count();
  await page.getByLabel('Your next line').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  await replies(page).nth(before).waitFor();
}

async function endRehearsal(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'End and get feedback' }).click();
  await page.getByRole('heading', { level: 1, name: /^Feedback:/ }).waitFor();
}

describe('the web UI in chromium', () => {
  it('runs a full goal-alignment rehearsal from the home page to its critique', async () => {
    const { page, problems } = await visitor();
    await page.goto('/');
    await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === 'lc_token')?.httpOnly).toBe(true);
    await page.getByRole('link', { name: /Rehearse the goal-alignment ask/ }).click();
    await page.waitForURL(/scenario=goal-alignment/);
    await page.getByRole('button', { name: 'Start the rehearsal' }).click();
    await page.waitForURL(/\/sessions\/ses_/);
    expect(await page.locator('[data-engine]').textContent()).toBe('offline');

    await say(page, 'What is the most important thing on your plate right now, and how could I help with it?');
    // The new reply takes focus, so keyboard and screen-reader users land on it. (Page scripts are
    // strings here, not functions: this project's TypeScript has no DOM types.)
    expect(await page.evaluate('document.activeElement.dataset.role')).toBe('persona');
    await say(
      page,
      'My goal is to be promoted to senior engineer within a year. Is there a way I could help with that work that would also help me get there?',
    );
    await say(page, 'What would you need to see from me to get to senior?');
    await say(page, 'Could we check in on this every month or so?');
    expect(await page.getByLabel('Your next line').inputValue()).toBe('');

    await page.getByRole('button', { name: 'Hint' }).click();
    await page.locator('#transcript li[data-role="coach"]').waitFor();

    await endRehearsal(page);
    expect(await page.locator('[data-check="offers_help"]').getAttribute('data-present')).toBe('true');
    expect(await page.locator('[data-check="states_goal"]').getAttribute('data-present')).toBe('true');
    expect(await page.locator('[data-discovery][data-uncovered="true"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#transcript mark').count()).toBeGreaterThan(0);
    expect(Number(await page.locator('[data-score]').first().getAttribute('data-score'))).toBeGreaterThan(0);

    const ended = page.url();
    await page.getByRole('button', { name: 'Try again with the same setup' }).click();
    await page.waitForURL((url) => /\/sessions\/ses_/.test(url.pathname) && url.href !== ended);
    expect(await page.locator('[data-session-id]').getAttribute('data-status')).toBe('active');
    expect(await page.locator('h1').textContent()).toMatch(/link your goal/i);
    expect(problems).toEqual([]);
  });

  it('critiques a draft with the evidence highlighted in place and linked to its check', async () => {
    const { page, problems } = await visitor();
    const text =
      "Hi Dana, is there anything on your plate I could take off it this sprint? I'd like to be promoted to senior next cycle. What would you need to see from me?";
    await page.goto('/');
    await page.getByRole('link', { name: /Get feedback on a draft to my boss/ }).click();
    await page.getByLabel('Your draft').fill(text);
    await page.getByLabel(/Manager's name/).fill('Dana');
    await page.getByRole('button', { name: 'Get feedback' }).click();
    await page.waitForURL(/\/drafts\/drf_/);

    expect(await page.locator('[data-check="offers_help"]').getAttribute('data-present')).toBe('true');
    expect(await page.locator('[data-check="asks_what_it_takes"]').getAttribute('data-present')).toBe('true');
    expect(await page.locator('[data-check="asks_for_feedback"]').getAttribute('data-present')).toBe('false');
    const marks = page.locator('#draft-text mark');
    expect(await marks.count()).toBeGreaterThanOrEqual(3);
    for (const mark of await marks.all()) {
      expect(text).toContain(await mark.textContent());
      const first = ((await mark.getAttribute('data-checks')) ?? '').split(' ')[0];
      expect(await page.locator(`[data-check="${first}"]`).getAttribute('data-present')).toBe('true');
    }
    expect(await page.locator('#draft-text').textContent()).toBe(text);
    // A quote in the checklist jumps to its mark in the text.
    await page.locator('[data-check="offers_help"] .quotes a').first().click();
    expect(new URL(page.url()).hash).toMatch(/^#q-\d+$/);
    expect(await page.locator('.fixes li').count()).toBeLessThanOrEqual(3);
    await expect.poll(() => page.getByRole('button', { name: 'Copy the rewrite' }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('judges a draft by the purpose chosen for it, and by the one it shows when Loop Coach decides', async () => {
    const { page, problems } = await visitor();
    const text = 'Is there anything on your plate I could take off it this sprint?';
    await page.goto('/drafts/new');
    expect(await page.getByLabel(/What is this message for/).inputValue()).toBe('');
    await page.getByLabel('Your draft').fill(text);
    await page.getByRole('button', { name: 'Get feedback' }).click();
    await page.waitForURL(/\/drafts\/drf_/);
    expect(await page.locator('[data-purpose]').getAttribute('data-purpose')).toBe('2');
    expect(await page.locator('[data-purpose]').textContent()).toMatch(/read from your message/);
    expect(Number(await page.locator('[data-score]').getAttribute('data-score'))).toBeGreaterThanOrEqual(80);

    await page.goto('/drafts/new');
    await page.getByLabel(/What is this message for/).selectOption('4');
    await page.getByLabel('Your draft').fill(text);
    await page.getByRole('button', { name: 'Get feedback' }).click();
    await page.waitForURL(/\/drafts\/drf_/);
    expect(await page.locator('[data-purpose]').getAttribute('data-purpose')).toBe('4');
    expect(await page.locator('[data-purpose]').textContent()).toMatch(/as you chose/);
    expect(await page.locator('.next-step').textContent()).toMatch(/Next in the loop/);
    expect(problems).toEqual([]);
  });

  it('shows two points on the progress chart after two finished rehearsals', async () => {
    const { page, problems } = await visitor();
    await page.goto('/progress');
    expect(await page.locator('circle[data-point]').count()).toBe(0);
    for (const line of ['How could I help with what matters most to you right now?', 'My goal is to lead a project. What would it take to get there?']) {
      await startRehearsal(page, 'goal-alignment');
      await say(page, line);
      await endRehearsal(page);
    }
    await page.getByRole('link', { name: 'Progress' }).click();
    expect(await page.locator('circle[data-point]').count()).toBe(2);
    expect(await page.locator('[data-list="sessions"] li').count()).toBe(2);
    expect(await page.locator('g[data-step="4"]').getAttribute('data-score')).toMatch(/^\d+$/);
    expect(problems).toEqual([]);
  });

  it('keeps the transcript across a reload mid-session', async () => {
    const { page } = await visitor();
    await startRehearsal(page, 'offer-help');
    await say(page, 'What is taking most of your time this week?');
    await say(page, 'I could take the release notes off your plate.');
    const before = await page.locator('#transcript li').allTextContents();
    await page.reload();
    expect(await page.locator('#transcript li').allTextContents()).toEqual(before);
    expect(await page.locator('#transcript li[data-role="user"]').allTextContents()).toEqual([
      'YouWhat is taking most of your time this week?',
      'YouI could take the release notes off your plate.',
    ]);
  });

  it('shows a retry after a model failure, keeps the typed text, and streams the retried reply', async () => {
    const { page, problems } = await visitor(failing);
    await startRehearsal(page, 'goal-alignment');
    scripted.enqueue({ kind: 'status', status: 500 });
    const line = 'My goal is to lead the next launch. What would it take?';
    await page.getByLabel('Your next line').fill(line);
    await page.getByRole('button', { name: 'Send' }).click();
    const retry = page.getByRole('button', { name: 'Retry the reply' });
    await retry.waitFor();
    expect(await page.getByLabel('Your next line').inputValue()).toBe(line);
    expect(await page.locator('#transcript li[data-status="failed"]').count()).toBe(1);

    scripted.enqueue({ kind: 'text', text: 'Lead the launch? First tell me what you would take off my plate.', delayMs: 40 });
    // Records every length the streaming reply passes through: more than one means it streamed.
    await page.evaluate(`window.lengths = [];
      new MutationObserver(() => window.lengths.push(document.querySelector('#transcript li:last-child .text').textContent.length))
        .observe(document.getElementById('transcript'), { subtree: true, childList: true, characterData: true });`);
    await retry.click();
    await page.locator('#transcript li:last-child[data-status="complete"]').waitFor();
    expect(await page.locator('#transcript li:last-child .text').textContent()).toBe('Lead the launch? First tell me what you would take off my plate.');
    expect(new Set(await page.evaluate<number[]>('window.lengths')).size).toBeGreaterThan(2);
    expect(await page.getByLabel('Your next line').inputValue()).toBe('');
    expect(problems).toEqual([]);
  });

  it('renders what the user typed as text, never as markup', async () => {
    const { page, problems } = await visitor();
    await startRehearsal(page, 'offer-help');
    const attack = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> How can I help?';
    await say(page, attack);
    for (const reload of [false, true]) {
      if (reload) await page.reload();
      expect(await page.locator('#transcript li[data-role="user"] .text').last().textContent()).toBe(attack);
      expect(await page.locator('#transcript img, #transcript script').count()).toBe(0);
      expect(await page.evaluate('window.pwned')).toBeUndefined();
    }
    expect(problems).toEqual([]);
  });

  it('exports the account as a JSON download, then deletes it after confirmation', async () => {
    const { page, problems } = await visitor();
    const session = await startRehearsal(page, 'offer-help');
    await page.getByRole('link', { name: 'Account' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download my data/ }).click()]);
    const exported = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as { sessions: Array<{ id: string }> };
    expect(exported.sessions.map((s) => `/sessions/${s.id}`)).toEqual([new URL(session).pathname]);

    await page.getByLabel('Yes, delete everything').check();
    await page.getByRole('button', { name: 'Delete my data' }).click();
    await page.waitForURL(/\/\?deleted=1$/);
    expect(await page.getByRole('status').textContent()).toMatch(/Your data was deleted/);
    expect((await page.goto(session))?.status()).toBe(404);
    expect(problems).toEqual([]);
  });

  it("answers another guest's session URL with the 404 page", async () => {
    const owner = await visitor();
    const url = await startRehearsal(owner.page, 'follow-up');
    const stranger = await visitor();
    const res = await stranger.page.goto(url);
    expect(res?.status()).toBe(404);
    expect(await stranger.page.locator('h1').textContent()).toBe('Not found');
    expect(await stranger.page.locator('#transcript').count()).toBe(0);
  });
});
