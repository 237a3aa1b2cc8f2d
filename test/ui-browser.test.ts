/**
 * The web pages in a real browser (Debian chromium through playwright-core) against the real Node
 * app on a random port: the offline engine, and a scripted OpenAI-compatible server for failures.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAIChatModel } from '../src/llm/openai-chat-model.js';
import { axeViolations } from './support/axe.js';
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
    // Focus stays in the text box for the next line; the page's status region reads the reply out.
    // (Page scripts are strings here, not functions: this project's TypeScript has no DOM types.)
    expect(await page.evaluate('document.activeElement.id')).toBe('turn-text');
    expect(await page.locator('#announcer').textContent()).toBe(`Graham Talbot: ${await replies(page).last().locator('.text').textContent()}`);
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
    expect(await page.getByRole('status').filter({ hasText: 'Your data was deleted' }).isVisible()).toBe(true);
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

describe('rehearsal set-up (issue 19, item 1)', () => {
  it('offers partner cards for the scenario’s side, a goal from the partner’s world, and starts in one click', async () => {
    const { page, problems } = await visitor();
    await page.goto('/sessions/new?scenario=goal-alignment');
    const cards = page.locator('fieldset.partners:not([hidden]) .partner-card');
    expect(await cards.count()).toBe(6);
    // Each card: name (the radio's name), role, situation and temperament (its description).
    const helen = page.getByRole('radio', { name: 'Helen Voss' });
    expect(await helen.getAttribute('aria-describedby')).toBe('partner-skeptical-about');
    expect(await page.locator('#partner-skeptical-about').innerText()).toMatch(
      /Regional Operations Manager[\s\S]*twelve home-goods stores[\s\S]*Dry and exacting/,
    );
    expect(await page.getByRole('radio', { name: 'Graham Talbot' }).isChecked()).toBe(true);
    await page.getByText('Your goal, and their name').click();
    const goal = page.getByLabel(/^Your goal/);
    expect(await goal.inputValue()).toMatch(/account director/);

    // The goal follows the partner picked, in their world: a ward for Marcus, the stores for Helen.
    await page.getByRole('radio', { name: 'Marcus Okafor' }).check();
    expect(await goal.inputValue()).toMatch(/charge nurse/);
    await helen.check();
    expect(await goal.inputValue()).toMatch(/top three stores/);

    // Another side's scenario swaps the cards: the team's, its usual partner chosen, their goal with them.
    await page.getByLabel('What to practise').selectOption('manager-initiated');
    expect(await page.locator('fieldset.partners[data-side="manager"]').isHidden()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Mei Chen' }).isChecked()).toBe(true);
    expect(await goal.inputValue()).toMatch(/where she wants her career to go/);
    // A goal the user wrote stays theirs whoever they pick.
    await goal.fill('Keep Mei on the team through the reorg');
    await page.getByRole('radio', { name: 'Tomasz Nowak' }).check();
    expect(await goal.inputValue()).toBe('Keep Mei on the team through the reorg');

    // Everything is chosen already: one click starts.
    await page.goto('/sessions/new?scenario=offer-help');
    await page.getByRole('button', { name: 'Start the rehearsal' }).click();
    await page.waitForURL(/\/sessions\/ses_/);
    expect(await page.locator('[data-session-id]').getAttribute('data-status')).toBe('active');
    expect(await page.locator('details.brief').innerText()).toMatch(/Marcus Okafor/);
    expect(problems).toEqual([]);
  });

  it('uses a typed name everywhere: the replies’ labels, the announcement, the heading and title, the debrief and the lists', async () => {
    const { page, problems } = await visitor();
    await page.goto('/sessions/new?scenario=goal-alignment');
    await page.getByRole('radio', { name: 'Helen Voss' }).check();
    await page.getByText('Your goal, and their name').click();
    await page.getByLabel(/^Their name/).fill('dana okoye');
    await page.getByRole('button', { name: 'Start the rehearsal' }).click();
    await page.waitForURL(/\/sessions\/ses_/);
    const title = 'Make the ask: link your goal to what your manager needs, with Dana Okoye, 27 Nov 2026';
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(await page.title()).toBe(`${title} · Loop Coach`);

    await say(page, 'What is the most important thing on your plate right now, and how could I help with it?');
    expect(await page.locator('#transcript .who').allTextContents()).toEqual(['Dana Okoye', 'You', 'Dana Okoye']);
    expect(await page.locator('#announcer').textContent()).toMatch(/^Dana Okoye: /);
    await page.reload();
    expect(await page.locator('#transcript .who').allTextContents()).toEqual(['Dana Okoye', 'You', 'Dana Okoye']);

    await endRehearsal(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Feedback: ${title}`);
    await page.locator('details.brief summary').click();
    const debrief = await page.locator('main').innerText();
    expect(debrief).toMatch(/Dana needs/);
    expect(debrief).not.toMatch(/Helen|Voss/);

    await page.getByRole('link', { name: 'Progress' }).click();
    expect(await page.locator('[data-list="sessions"] li a').first().textContent()).toBe(title);
    expect(problems).toEqual([]);
  });

  it('gives the model persona the typed name in its own prompt', async () => {
    const { page, problems } = await visitor(failing);
    await page.goto('/sessions/new?scenario=goal-alignment');
    await page.getByRole('radio', { name: 'Helen Voss' }).check();
    await page.getByText('Your goal, and their name').click();
    await page.getByLabel(/^Their name/).fill('Dana');
    await page.getByRole('button', { name: 'Start the rehearsal' }).click();
    await page.waitForURL(/\/sessions\/ses_/);
    const before = scripted.requests.length;
    scripted.enqueue({ kind: 'text', text: 'Based on what? Tell me what you have in mind.' });
    await say(page, 'What matters most to you this quarter?');
    const sent = scripted.requests.slice(before).map((r) => String(r.body?.messages?.[0]?.content ?? ''));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('You are Dana,');
    expect(sent[0]).not.toMatch(/Helen|Voss/);
    expect(await page.locator('#transcript .who').last().textContent()).toBe('Dana');
    expect(problems).toEqual([]);
  });
});

describe('progress (issue 19, item 6)', () => {
  it('scores steps from rehearsals and drafts on both sides, links each step to its practice, gathers commitments and starts the next drill in one click', async () => {
    const { page, problems } = await visitor();
    await page.goto('/progress');
    // Nothing practised: the drill is the start of the loop.
    expect(await page.locator('[data-drill-step]').getAttribute('data-drill-step')).toBe('1');
    expect(await page.locator('[data-step-row][data-score=""]').count()).toBe(11);

    await startRehearsal(page, 'performance-check');
    await say(page, 'How do you see my work on the release process so far?');
    await say(page, "I'll fix the flaky deploy checks by Friday.");
    await endRehearsal(page);
    await startRehearsal(page, 'offer-help');
    await say(page, 'What matters most to you this month, and how could I help?');
    await say(page, 'Could we check in on it every Monday?');
    await endRehearsal(page);
    for (const [purpose, mode, text] of [
      ['3', 'employee', "I'll take the on-call rota cleanup, done by Thursday."],
      ['', 'manager', "Where would you like your career to go in the next two years? Let's check in on it again in a month."],
    ] as const) {
      await page.goto(`/drafts/new${purpose ? `?purpose=${purpose}` : ''}`);
      if (mode === 'manager') await page.getByLabel(/I am the manager/).check();
      await page.getByLabel('Your draft').fill(text);
      await page.getByRole('button', { name: 'Get feedback' }).click();
      await page.waitForURL(/\/drafts\/drf_/);
    }

    await page.goto('/progress');
    const row = (side: string, step: string) => page.locator(`[data-side="${side}"][data-step-row="${step}"]`);
    for (const step of ['1', '2', '3']) expect(await row('employee', step).getAttribute('data-score'), step).toMatch(/^\d+$/);
    expect(await row('employee', '3').innerText()).toMatch(/1 draft/);
    expect(await row('employee', '4').getAttribute('data-score')).toBe('');
    expect(await row('manager', '4').getAttribute('data-score')).toBe('100');
    expect(await row('manager', '4').innerText()).toMatch(/1 draft/);

    // What was said, across both rehearsals and the drafts, each linked to where it was said.
    const said = await page.locator('[data-list="commitments"] li').allInnerTexts();
    for (const quote of ['flaky deploy checks', 'every Monday', 'on-call rota', 'again in a month']) expect(said.join('\n')).toContain(quote);
    expect(said.find((t) => t.includes('flaky deploy checks'))).toMatch(/Find out how your manager really sees your work, with Priya Raman, 27 Nov 2026/);

    // Each step links to its practice: the setup with the step's scenario, or a draft written for it.
    await row('employee', '4')
      .getByRole('link', { name: /^Practise this step/ })
      .click();
    await page.waitForURL(/\/sessions\/new\?scenario=goal-alignment$/);
    await page.goBack();
    await row('manager', '2')
      .getByRole('link', { name: /^Practise this step/ })
      .click();
    await page.waitForURL(/scenario=manager-initiated$/);
    await page.goBack();
    await row('employee', '5')
      .getByRole('link', { name: /write a draft for it/ })
      .click();
    expect(await page.getByLabel(/What is this message for/).inputValue()).toBe('5');

    // The next drill by its rule, started in one click.
    await page.goto('/progress');
    const progress = (await (await page.request.get('/api/progress')).json()) as { nextDrill: { step: string; scenarioId: string } };
    const drill = page.locator('[data-drill-step]');
    expect(await drill.getAttribute('data-drill-step')).toBe(progress.nextDrill.step);
    await drill.getByRole('button', { name: /^Start: / }).click();
    await page.waitForURL(/\/sessions\/ses_/);
    const started = (await (await page.request.get(`/api${new URL(page.url()).pathname}`)).json()) as { scenarioId: string; status: string };
    expect(started).toMatchObject({ scenarioId: progress.nextDrill.scenarioId, status: 'active' });
    expect(problems).toEqual([]);
  });
});

interface AxNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
}

/** Chromium's own accessibility tree (what a screen reader is given), not ignored nodes only. */
async function accessibilityTree(page: Page): Promise<AxNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AxNode[] };
    return nodes.filter((n) => !n.ignored);
  } finally {
    await cdp.detach();
  }
}

describe('accessibility (issue 19, item 9)', () => {
  it('has no serious or critical axe-core violation on any page, on a desktop and on a phone', async () => {
    const { page, problems } = await visitor();
    const live = await startRehearsal(page, 'goal-alignment');
    await say(page, 'What is the most important thing on your plate right now, and how could I help with it?');
    const ended = await startRehearsal(page, 'offer-help');
    await say(page, "I'll take the release notes off your plate, done by Friday.");
    await endRehearsal(page);
    await page.goto('/drafts/new');
    await page.getByLabel('Your draft').fill('I deserve a promotion. Is there anything on your plate I could take off it this sprint?');
    await page.getByRole('button', { name: 'Get feedback' }).click();
    await page.waitForURL(/\/drafts\/drf_/);
    const pages = {
      home: '/',
      'new session': '/sessions/new',
      'session live': new URL(live).pathname,
      'session ended': new URL(ended).pathname,
      'draft form': '/drafts/new',
      'draft result': new URL(page.url()).pathname,
      progress: '/progress',
      account: '/account',
      'error page': '/sessions/ses_unknown',
      'API docs': '/docs',
    };
    const found: string[] = [];
    for (const [viewport, device] of Object.entries({ desktop: {}, phone: PHONE })) {
      const context = await browser.newContext({ baseURL: offline.url, ...device });
      contexts.push(context);
      await context.addCookies(await page.context().cookies());
      const tab = await context.newPage();
      for (const [name, path] of Object.entries(pages)) {
        await tab.goto(path);
        for (const v of await axeViolations(tab)) found.push(`${viewport} ${name}: ${v}`);
        // Every page of ours has the one status region the script speaks through.
        if (name !== 'API docs') expect(await tab.locator('#announcer[role="status"]').count(), `${viewport} ${name}`).toBe(1);
      }
    }
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('reads each reply out once, whole, while the composer keeps focus; hints too', async () => {
    const { page, problems } = await visitor();
    await startRehearsal(page, 'offer-help');
    // The transcript is not a live region: it would read the user's own line back, and the reply piece by piece.
    expect(await page.evaluate(`document.getElementById('transcript').closest('[aria-live], [role="status"], [role="log"], [role="alert"]')`)).toBeNull();
    await page.evaluate(`window.said = [];
      new MutationObserver(() => window.said.push(document.getElementById('announcer').textContent))
        .observe(document.getElementById('announcer'), { childList: true, characterData: true, subtree: true });`);
    await page.getByLabel('Your next line').fill('What is taking most of your time this week?');
    await page.keyboard.press('Control+Enter');
    await replies(page).nth(1).waitFor();
    const reply = (await replies(page).nth(1).locator('.text').textContent()) ?? '';
    expect(reply.length).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate<string[]>('window.said')).toEqual([`Marcus Okafor: ${reply}`]);
    expect(await focused(page)).toBe('turn-text');

    await page.getByRole('button', { name: 'Hint' }).click();
    await page.locator('#transcript li[data-role="coach"]').waitFor();
    const hint = await page.locator('#transcript li[data-role="coach"] .text').textContent();
    await expect.poll(() => page.evaluate<string[]>('window.said')).toEqual([`Marcus Okafor: ${reply}`, `Coach hint: ${hint ?? ''}`]);
    expect(await focused(page)).toBe('turn-text');
    expect(problems).toEqual([]);
  });

  it('gives symbols a text alternative (screen readers get the words, never ✓ ✗ ⚠, a dash or the highlights’ step chips) and says a copy in the status region', async () => {
    const { page, problems } = await visitor();
    await page.goto('/drafts/new');
    await page.getByLabel('Your draft').fill('I deserve a promotion. Is there anything on your plate I could take off it this sprint?');
    await page.getByRole('button', { name: 'Get feedback' }).click();
    await page.waitForURL(/\/drafts\/drf_/);
    await page.getByText(/^All \d+ checks/).click();
    const states = await page.locator('.check .state').allTextContents();
    expect(states.map((t) => t.replace(/\s+/g, ' ').trim())).toContain('✓ present');
    expect(await page.locator('mark[data-chip]').count()).toBeGreaterThan(1);
    // Copying the rewrite says so in the status region too, not only on the button.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy the rewrite' }).click();
    await expect.poll(() => page.locator('#announcer').textContent()).toBe('The rewrite is copied.');
    // A highlight's chip (its step, A or ⚠) is drawn, not read: the link in the mark says the step in words.
    const chips = new Set(await page.locator('mark[data-chip]').evaluateAll((marks) => marks.map((m) => m.getAttribute('data-chip') ?? '')));
    expect(chips.size).toBeGreaterThan(1);
    const spoken = async () => (await accessibilityTree(page)).filter((n) => n.role?.value === 'StaticText').map((n) => n.name?.value ?? '');
    const draftTexts = await spoken();
    expect(draftTexts.filter((t) => chips.has(t))).toEqual([]);
    expect(draftTexts.filter((t) => /[✓✗⚠–]/.test(t))).toEqual([]);
    // The words stand alone (upper-cased by the stylesheet, as a screen reader is given them).
    expect(draftTexts.map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(['present', 'missing', 'pitfall']));
    // The loop's steps never practised are said in words, not drawn as a dash.
    await page.goto('/progress');
    expect((await spoken()).filter((t) => /[✓✗⚠–]/.test(t))).toEqual([]);
    expect(await page.getByRole('img', { name: /The Magic Loop/ }).getAttribute('aria-labelledby')).toBe('loop-title loop-desc');
    // Nor is the cursor a streaming reply shows (drawn on a reply in progress, here one put on the page).
    await page.evaluate(
      `document.querySelector('main').insertAdjacentHTML('beforeend', '<ol class="transcript"><li class="msg persona" aria-busy="true"><span class="text">Well</span></li></ol>')`,
    );
    expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('.msg[aria-busy="true"] .text'), '::after').content`)).toMatch(/^"▍"/);
    expect((await spoken()).filter((t) => t.includes('▍'))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
