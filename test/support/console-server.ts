// What every browser spec starts from: the built console served by a real server on a fresh
// demo database, and one Chromium; started before the file's tests, stopped after them.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer, type ServerOptions } from './server.js';
import { buildConsoleIfMissing } from './console-build.js';
import { launchChromium } from './browser.js';

export interface ConsoleServer {
  server: RunningServer;
  browser: Browser;
}

export function consoleAndChromium(options: ServerOptions = {}): ConsoleServer {
  const live = {} as ConsoleServer;
  beforeAll(
    async () => {
      buildConsoleIfMissing();
      [live.server, live.browser] = await Promise.all([startServer(options), launchChromium()]);
    },
    (options.timeoutMs ?? 90_000) + 60_000,
  );
  afterAll(async () => {
    await live.browser?.close();
    await live.server?.stop();
  });
  return live;
}
