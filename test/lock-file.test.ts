// The SQLite migration's lock file (api/db/connect.ts): a holder that works longer than the stale
// age keeps its lock (it touches the file while it works), and a lock a crashed process left is
// taken over once it has gone untouched for that long.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withLockFile } from '../api/db/connect.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-lock-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const STALE = 300;

describe('the migration lock file', () => {
  it('is kept by a holder working three times the stale age, and the next waits for it', async () => {
    const lock = path.join(dir, 'long.lock');
    const events: string[] = [];
    const holder = withLockFile(lock, async () => {
      events.push('holder in');
      await sleep(3 * STALE);
      events.push('holder out');
    }, STALE);
    await sleep(20);
    const waiter = withLockFile(lock, async () => {
      events.push('waiter in');
    }, STALE);
    await Promise.all([holder, waiter]);
    expect(events).toEqual(['holder in', 'holder out', 'waiter in']);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('is taken over once a crashed holder has left it untouched for the stale age', async () => {
    const lock = path.join(dir, 'crashed.lock');
    fs.writeFileSync(lock, '999999');
    fs.utimesSync(lock, new Date(), new Date()); // stamped by this process's clock, as a holder stamps it
    const started = Date.now();
    let ran = false;
    await withLockFile(lock, async () => {
      ran = true;
    }, STALE);
    expect(ran).toBe(true);
    // Not before the lock went stale.
    expect(Date.now() - started).toBeGreaterThanOrEqual(STALE - 20);
    expect(fs.existsSync(lock)).toBe(false);
  });
});
