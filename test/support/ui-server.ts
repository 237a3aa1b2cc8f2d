import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../../src/app.js';
import type { ChatModel } from '../../src/llm/chat-model.js';
import { createTestDb, testDeps, type TestDeps } from './test-deps.js';

export interface UiServer {
  /** e.g. `http://127.0.0.1:PORT` */
  url: string;
  deps: TestDeps;
  close(): Promise<void>;
}

/** The real app on a real socket (random port), a fresh libSQL file, the offline engine unless told. */
export async function startUiServer(opts: { model?: ChatModel } = {}): Promise<UiServer> {
  const { db, cleanup } = await createTestDb();
  const deps = testDeps(db, {
    env: { LOOP_COACH_RATE_LIMIT: '0' },
    ...(opts.model && { model: opts.model }),
  });
  const server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          cleanup();
          resolve();
        });
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

/** Debian's chromium (or CHROMIUM_PATH), headless, with nothing that phones home. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
