/**
 * `npm run screenshots`: fills a fresh app (offline engine, temporary database) with a little
 * history through the pages themselves, then saves each page at desktop and mobile width to
 * docs/screenshots/ for the README.
 *
 * `npm run screenshots -- --walkthrough`: a new user's first visit instead, step by step, saved as
 * docs/walkthrough/after-*.png for docs/walkthrough-pages.md (whose before-*.png were taken the same
 * way from the pages as they were).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, startUiServer } from './support/ui-server.js';

const DOCS = join(import.meta.dirname, '..', 'docs');
const DAY = 86_400_000;
const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 860 } },
  mobile: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;

const DRAFT = `Hi Dana,

Is there anything on your plate I could take off it this sprint? I'd be glad to own the release notes.

I'd like to be promoted to senior next cycle. What would you need to see from me? Sorry, I know you're busy, maybe we could just talk about it sometime if it's not too much trouble.`;

const server = await startUiServer();
const browser = await launchChromium();

/** Sends a line and waits for the whole reply. */
async function say(page: Page, line: string): Promise<void> {
  const replies = page.locator('#transcript li[data-role="persona"][data-status="complete"]');
  const before = await replies.count();
  await page.getByLabel('Your next line').fill(line);
  await page.getByRole('button', { name: 'Send' }).click();
  await replies.nth(before).waitFor();
}

/** A new user's first visit, the way docs/walkthrough-pages.md tells it: the home page, a rehearsal set up from it, its feedback, a draft, progress. */
async function walkthrough(): Promise<void> {
  const out = join(DOCS, 'walkthrough');
  mkdirSync(out, { recursive: true });
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(out, `after-${name}.png`), fullPage });
  await page.goto('/');
  await shot('1-home');
  await page.getByRole('link', { name: /Rehearse the goal-alignment ask/ }).click();
  await page.waitForURL(/scenario=goal-alignment/);
  await page.getByText('Your goal, and their name').click();
  await page.getByLabel(/^Their name/).fill('Dana');
  await shot('2-setup');
  await page.getByRole('button', { name: 'Start the rehearsal' }).click();
  await page.waitForURL(/\/sessions\/ses_/);
  for (const line of [
    'What is the most important thing on your plate right now, and how could I help with it?',
    "I'll draft the client onboarding checklist for you by Friday.",
    'Could we check in on it next Thursday?',
  ]) {
    await say(page, line);
  }
  await shot('3-rehearsal');
  await page.getByRole('button', { name: 'End and get feedback' }).click();
  await page.getByRole('heading', { level: 1, name: /^Feedback:/ }).waitFor();
  await shot('4-debrief', false);
  server.deps.advance(DAY);
  await page.goto('/drafts/new');
  await page.getByLabel('Your draft').fill('Hi Dana, how do you see my work on the client reports so far? Is there anything I should do differently?');
  await page.getByLabel(/Manager's name/).fill('Dana');
  await page.getByRole('button', { name: 'Get feedback' }).click();
  await page.waitForURL(/\/drafts\/drf_/);
  await shot('5-draft-result', false);
  await page.goto('/progress');
  await shot('6-progress');
  console.log(`Saved the walkthrough to ${out}`);
}

try {
  if (process.argv.includes('--walkthrough')) await walkthrough();
  else await readmeShots();
} finally {
  await browser.close();
  await server.close();
}

async function readmeShots(): Promise<void> {
  const OUT = join(DOCS, 'screenshots');
  mkdirSync(OUT, { recursive: true });
  const context = await browser.newContext({ baseURL: server.url, ...VIEWPORTS.desktop });
  const page = await context.newPage();

  const rehearse = async (scenario: string, lines: readonly string[], end: boolean, name?: string) => {
    await page.goto(`/sessions/new?scenario=${scenario}`);
    if (name) {
      await page.getByText('Your goal, and their name').click();
      await page.getByLabel(/^Their name/).fill(name);
    }
    await page.getByRole('button', { name: 'Start the rehearsal' }).click();
    await page.waitForURL(/\/sessions\/ses_/);
    for (const line of lines) await say(page, line);
    if (end) {
      await page.getByRole('button', { name: 'End and get feedback' }).click();
      await page.getByRole('heading', { level: 1, name: /^Feedback:/ }).waitFor();
    }
    server.deps.advance(2 * DAY);
    return new URL(page.url()).pathname;
  };

  await rehearse('goal-alignment', ['I would like a promotion. What do you think?'], true);
  await rehearse('offer-help', ['What matters most to you this month, and how could I help?', "I'll take the release notes, done by Friday."], true);
  const debrief = await rehearse(
    'goal-alignment',
    [
      'How do you see my work on the reporting pipeline so far?',
      'What is the most important thing on your plate right now, and how could I help with it?',
      'My goal is to be promoted to senior engineer within a year. Is there a way I could help with that work that would also help me get there?',
      'What would you need to see from me to get to senior?',
      'Could we check in on this every month or so?',
    ],
    true,
    'Dana',
  );
  const active = await rehearse('manager-initiated', ['Where would you like your career to go over the next couple of years?'], false);

  await page.goto('/drafts/new');
  await page.getByLabel('Your draft').fill(DRAFT);
  await page.getByLabel(/Manager's name/).fill('Dana');
  await page.getByRole('button', { name: 'Get feedback' }).click();
  await page.waitForURL(/\/drafts\/drf_/);
  const draft = new URL(page.url()).pathname;

  const shots: Array<[name: string, path: string, prepare?: (p: Page) => Promise<void>]> = [
    ['home', '/'],
    ['draft-new', '/drafts/new', (p) => p.getByLabel('Your draft').fill(DRAFT)],
    ['draft-feedback', draft],
    ['session-new', '/sessions/new?scenario=goal-alignment'],
    ['session-active', active],
    ['session-feedback', debrief],
    ['progress', '/progress'],
    ['account', '/account'],
    ['not-found', '/sessions/ses_unknown'],
  ];
  for (const [width, options] of Object.entries(VIEWPORTS)) {
    const shooter = await browser.newContext({ baseURL: server.url, ...options });
    await shooter.addCookies(await context.cookies());
    const p = await shooter.newPage();
    for (const [name, path, prepare] of shots) {
      await p.goto(path);
      await prepare?.(p);
      await p.screenshot({ path: join(OUT, `${name}-${width}.png`), fullPage: true });
    }
    await shooter.close();
  }
  console.log(`Saved ${shots.length * Object.keys(VIEWPORTS).length} screenshots to ${OUT}`);
}
