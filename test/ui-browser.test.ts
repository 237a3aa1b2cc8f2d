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

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

/** A fresh browser context is a new visitor: the first page it opens makes it a guest. */
async function visitor(server: UiServer = offline, device: { viewport?: { width: number; height: number }; isMobile?: boolean; hasTouch?: boolean } = {}) {
  const context = await browser.newContext({ baseURL: server.url, ...device });
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
    expect(await page.locator('[data-engine]').textContent()).toBe('Built-in coach (no AI model)');
    // With a keyboard, the shortcut is offered.
    expect(await page.getByText('Ctrl+Enter sends.').isVisible()).toBe(true);

    await say(page, 'What is the most important thing on your plate right now, and how could I help with it?');
    // Focus stays in the text box for the next line; the transcript's live region reads the reply out.
    // (Page scripts are strings here, not functions: this project's TypeScript has no DOM types.)
    expect(await page.evaluate('document.activeElement.id')).toBe('turn-text');
    expect(await page.locator('#transcript').getAttribute('aria-live')).toBe('polite');
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
    // Read as the goal-alignment ask: asking for feedback (step 1) does not count for it, so it is not listed.
    expect(await page.locator('[data-purpose]').getAttribute('data-purpose')).toBe('4');
    expect(await page.locator('[data-check="asks_for_feedback"]').count()).toBe(0);
    const marks = page.locator('#draft-text mark');
    expect(await marks.count()).toBeGreaterThanOrEqual(3);
    for (const mark of await marks.all()) {
      expect(text).toContain(await mark.textContent());
      const first = ((await mark.getAttribute('data-checks')) ?? '').split(' ')[0];
      expect(await page.locator(`[data-check="${first}"]`).getAttribute('data-present')).toBe('true');
    }
    expect(await page.locator('#draft-text').textContent()).toBe(text);
    // A quote in the (collapsed) checklist jumps to its mark in the text.
    await page.getByText(/^All \d+ checks/).click();
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

/** The API's own refusal of a draft body, through the page's cookie (same user, same origin). */
async function apiRefusal(page: Page, data: unknown): Promise<{ message: string; details?: Array<{ path: string; message: string }> }> {
  const res = await page.request.post('/api/drafts/critique', { data, headers: { origin: new URL(page.url()).origin } });
  expect(res.ok()).toBe(false);
  return ((await res.json()) as { error: { message: string; details?: Array<{ path: string; message: string }> } }).error;
}

const focused = (page: Page) => page.evaluate<string>('document.activeElement.id');

describe('results that lead with what to do', () => {
  it('orders a draft result verdict, fixes, rewrite, then the checklist collapsed, in plain words', async () => {
    const { page, problems } = await visitor();
    await page.goto('/drafts/new');
    await page.getByLabel(/What is this message for/).selectOption('2');
    await page.getByLabel('Your draft').fill("I'd like to lead the Q3 launch. Is there anything on your plate I could take off it this sprint?");
    await page.getByRole('button', { name: 'Get feedback' }).click();
    await page.waitForURL(/\/drafts\/drf_/);

    expect(await page.locator('[data-section]').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')))).toEqual([
      'verdict',
      'fixes',
      'rewrite',
      'checks',
    ]);
    expect(await page.locator('details:has([data-check])').getAttribute('open')).toBeNull();
    expect(await page.locator('.fixes li').count()).toBeLessThanOrEqual(3);
    // The band is said in words as well as colour.
    const score = Number(await page.locator('[data-score]').getAttribute('data-score'));
    const band = score >= 80 ? /Strong/ : score >= 50 ? /Getting there/ : /Needs work/;
    expect(await page.locator('[data-section="verdict"] .band').textContent()).toMatch(band);
    expect(await page.locator('[data-section="verdict"] .next-step').textContent()).toMatch(/Next in the loop/);

    // Judged as an offer of help: the step 4 moves do not count for it and are not listed; pitfalls always are.
    expect(await page.locator('[data-check="offers_help"]').count()).toBe(1);
    expect(await page.locator('[data-check="states_goal"], [data-check="asks_what_it_takes"]').count()).toBe(0);
    expect(await page.locator('[data-check="demanding"]').count()).toBe(1);

    // Each highlight says its step in a chip and its check in its name; the legend explains both.
    await page.getByText(/^All \d+ checks/).click();
    expect(await page.locator('.hl-legend li').count()).toBeGreaterThanOrEqual(2);
    const mark = page.locator('#draft-text mark[data-checks~="offers_help"]').first();
    expect(await mark.getAttribute('data-chip')).toBe('2');
    expect(await mark.locator('a').getAttribute('aria-label')).toMatch(/step 2: offers help/);

    // Plain words: who gave the feedback, and no prompt ids or versions (the API keeps them).
    const text = await page.locator('body').innerText();
    expect(text).toContain('Built-in coach (no AI model)');
    const critique = (await (await page.request.get(`/api${new URL(page.url()).pathname}`)).json()) as { critique: { promptId: string } };
    expect(critique.critique.promptId).toBeTruthy();
    expect(text).not.toContain(critique.critique.promptId);
    expect(text).not.toMatch(/\bprompt\b|\bv\d+\b|offline/i);
    expect(problems).toEqual([]);
  });

  it('moves focus to a check when a fix links to it, opening the checklist', async () => {
    const { page, problems } = await visitor();
    await page.goto('/drafts/new');
    await page.getByLabel('Your draft').fill('I deserve a promotion, make it happen by Friday.');
    await page.getByRole('button', { name: 'Get feedback' }).click();
    await page.waitForURL(/\/drafts\/drf_/);
    const link = page.locator('.fixes a').first();
    const target = ((await link.getAttribute('href')) ?? '').slice(1);
    await link.click();
    expect(await page.locator('details:has([data-check])').getAttribute('open')).not.toBeNull();
    expect(await focused(page)).toBe(target);
    expect(problems).toEqual([]);
  });
});

describe('refusals in the API’s words, nothing cut', () => {
  it('shows the API’s own message for a whitespace-only draft', async () => {
    const { page, problems } = await visitor();
    await page.goto('/drafts/new');
    await page.getByLabel('Your draft').fill('   \n   ');
    await page.getByRole('button', { name: 'Get feedback' }).click();
    const alert = page.locator('#form-alert');
    await alert.waitFor();
    const refusal = await apiRefusal(page, { text: '   \n   ' });
    expect(refusal.details?.[0]?.message).toBeTruthy();
    expect(await alert.textContent()).toBe(`Your draft ${refusal.details?.[0]?.message}.`);
    expect(await alert.textContent()).not.toContain('Invalid json');
    expect(new URL(page.url()).pathname).toBe('/drafts/new');
    expect(problems).toEqual([]);
  });

  it('keeps a 9,000-character paste whole, counts it over the limit and refuses it with the API’s message', async () => {
    const { page, problems } = await visitor();
    await page.goto('/drafts/new');
    const long = 'Is there anything on your plate I could take off it this sprint? '.repeat(140).slice(0, 9_000);
    await page.getByLabel('Your draft').focus();
    await page.keyboard.insertText(long);
    expect((await page.getByLabel('Your draft').inputValue()).length).toBe(9_000);
    const counter = page.locator('#text-count');
    expect(await counter.getAttribute('data-state')).toBe('over');
    expect(await counter.textContent()).toMatch(/^9,000 \/ 8,000 characters: 1,000 over the limit/);
    expect(await page.getByLabel('Your draft').getAttribute('aria-invalid')).toBe('true');

    await page.getByRole('button', { name: 'Get feedback' }).click();
    const alert = page.locator('#form-alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe((await apiRefusal(page, { text: long })).message);
    expect(await alert.textContent()).toContain('9000');
    expect((await page.getByLabel('Your draft').inputValue()).length).toBe(9_000);

    // Near the limit the counter warns; under it, it just counts.
    await page.getByLabel('Your draft').fill(long.slice(0, 7_500));
    expect(await counter.getAttribute('data-state')).toBe('near');
    expect(await counter.textContent()).toContain('500 left');
    expect(problems).toEqual([]);
  });

  it('asks for one hint per click: the button is disabled while it is pending', async () => {
    const { page, problems } = await visitor();
    await startRehearsal(page, 'offer-help');
    await say(page, 'What is taking most of your time this week?');
    // Two clicks and a second submit in the same task: the first disables the button, the flag drops the submit.
    expect(
      await page.evaluate(`(() => {
        const button = document.querySelector('button[form="hint-form"]');
        button.click();
        const disabled = button.disabled;
        button.click();
        document.getElementById('hint-form').requestSubmit();
        return disabled;
      })()`),
    ).toBe(true);
    await page.locator('#transcript li[data-role="coach"]').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Hint' }).isEnabled()).toBe(true);
    expect(await page.locator('#transcript li[data-role="coach"]').count()).toBe(1);
    await page.reload();
    expect(await page.locator('#transcript li[data-role="coach"]').count()).toBe(1);
    expect(problems).toEqual([]);
  });
});

describe('on a phone (390x844, touch)', () => {
  it('puts the calls to action in the first screen and the nav on one line', async () => {
    const { page, problems } = await visitor(offline, PHONE);
    await page.goto('/');
    for (const entry of await page.locator('a.entry').all()) {
      const box = await entry.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(844);
    }
    const tops = await page.evaluate<number[]>(`[...document.querySelectorAll('nav a')].filter((a) => a.offsetParent).map((a) => a.offsetTop)`);
    expect(tops.length).toBeGreaterThanOrEqual(4);
    expect(new Set(tops).size).toBe(1);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
  });

  it('keeps the composer in view after every reply, hides the keyboard hint, and ends on the debrief at its top with focus on its heading', async () => {
    const { page, problems } = await visitor(offline, PHONE);
    await startRehearsal(page, 'goal-alignment');
    // The brief is folded away, and a touch screen gets no keyboard shortcut.
    expect(await page.locator('details.brief').getAttribute('open')).toBeNull();
    expect(await page.getByText('Ctrl+Enter sends.').isVisible()).toBe(false);

    for (const line of [
      'What is the most important thing on your plate right now, and how could I help with it?',
      'My goal is to be promoted to senior engineer within a year. Is there a way I could help with that work that would also help me get there?',
      'What would you need to see from me to get to senior?',
    ]) {
      await say(page, line);
      const box = await page.locator('#turn-form').boundingBox();
      expect(box && box.y).toBeGreaterThanOrEqual(0);
      expect(box && box.y + box.height).toBeLessThanOrEqual(844 + 1);
      expect(await focused(page)).toBe('turn-text');
    }
    expect(await page.evaluate<number>('window.scrollY')).toBeGreaterThan(0);

    await endRehearsal(page);
    await expect.poll(() => focused(page)).toBe('feedback-h');
    expect(await page.evaluate<number>('window.scrollY')).toBe(0);
    // The skill score and what was uncovered, apart, before the fixes.
    const verdict = page.locator('[data-section="verdict"]');
    expect(await verdict.locator('[data-figure="score"] .figure-label').textContent()).toBe('Skill score');
    expect(await verdict.locator('[data-figure="uncovered"] [data-uncovered]').textContent()).toBe(
      String(await page.locator('[data-discovery][data-uncovered="true"]').count()),
    );
    expect(await page.locator('[data-section]').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')))).toEqual([
      'verdict',
      'fixes',
      'rewrite',
      'discoveries',
      'checks',
    ]);
    // Each discovery names the moves that earn it as the checklist below has them.
    const earned = await page
      .locator('.earned-by a')
      .evaluateAll((links) => links.map((a) => [a.getAttribute('href'), (a.nextSibling?.textContent ?? '').includes('not made') ? 'false' : 'true']));
    expect(earned.length).toBeGreaterThan(0);
    for (const [href, present] of earned) expect(await page.locator(href ?? '').getAttribute('data-present')).toBe(present);
    expect(problems).toEqual([]);
  });
});
