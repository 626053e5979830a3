/**
 * Web pages cannot drive a local emulator: cross-origin browser requests and foreign Host names
 * (DNS rebinding) get 403, on the control routes and on the service, unless the emulator was
 * started with --allow-cross-origin. Real emulator processes; the attack also runs in headless
 * Chromium when it is installed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../generated/operations.js';
import { canonicalQuery } from '../../src/wire/canonical-query.js';
import { signV1 } from '../../src/wire/sign-v1.js';
import { findChromium, launchChromium } from '../docs/chromium.js';
import {
  BUILT_IN_KEY,
  createTaskAt,
  describeTaskAt,
  expectStarted,
  type RunningProcess,
  runEmulatorProcess,
} from './emulator-process.js';
import { createParams, expectError, expectOk, REGION } from './fixtures.js';
import { destroyAgent, type RawResponse, sendRaw, sendSigned } from './signed-request.js';

const chromiumPath = findChromium();

let guarded: RunningProcess;
let open: RunningProcess;

beforeAll(async () => {
  [guarded, open] = await Promise.all([
    runEmulatorProcess([]).then(expectStarted),
    runEmulatorProcess(['--allow-cross-origin']).then(expectStarted),
  ]);
});
afterAll(async () => {
  destroyAgent();
  await Promise.all([guarded?.stop(), open?.stop()]);
});

const port = (url: string): string => new URL(url).port;

async function taskExists(url: string, taskId: string): Promise<boolean> {
  return (await describeTaskAt(url, taskId)).status === 200;
}

async function clockMs(url: string): Promise<number> {
  const res = await sendRaw(url, { path: '/_emulator/clock' });
  expectOk(res);
  return Date.parse(res.body.now);
}

/** A V1 GET signed with the public built-in key, as a page could put it in an `<img src>`. */
function signedCreateUrl(url: string, taskName: string): string {
  const params = signV1({
    method: 'GET',
    action: 'CreateLivePullToPush',
    version: API_VERSION,
    params: { ...createParams(new Date()), TaskName: taskName },
    credentials: BUILT_IN_KEY,
  });
  return `${url}/?${canonicalQuery(params)}`;
}

async function tasksNamed(url: string, taskName: string): Promise<number> {
  const res = await sendSigned(url, {
    action: 'DescribeLivePullToPushList',
    params: { Region: REGION, TaskName: taskName },
    credentials: BUILT_IN_KEY,
  });
  expectOk(res);
  return res.body.Total as number;
}

function clockPost(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return sendRaw(url, {
    method: 'POST',
    path: '/_emulator/clock',
    headers: { 'content-type': 'text/plain', ...headers },
    body: JSON.stringify({ advanceSeconds: 86_400 }),
  });
}

describe('without --allow-cross-origin', () => {
  it('refuses a text/plain POST from another origin to /_emulator/clock and /_emulator/reset', async () => {
    const taskId = await createTaskAt(guarded.url);
    const before = await clockMs(guarded.url);
    const clock = await clockPost(guarded.url, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expectError(clock, 'Forbidden.RAM');
    expect(clock.body.Message).toContain('cross-origin browser requests are refused (Origin "https://evil.example")');
    expect(clock.body.Message).toContain('--allow-cross-origin');
    const reset = await sendRaw(guarded.url, {
      method: 'POST',
      path: '/_emulator/reset',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      body: '',
    });
    expectError(reset, 'Forbidden.RAM');
    expect(await taskExists(guarded.url, taskId)).toBe(true);
    expect((await clockMs(guarded.url)) - before).toBeLessThan(60_000);
  });

  it('refuses a V1 GET signed with the public key when a browser sends it for another site (no Origin, as an <img>)', async () => {
    const url = new URL(signedCreateUrl(guarded.url, 'img-create'));
    const res = await sendRaw(guarded.url, {
      path: `${url.pathname}${url.search}`,
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' },
    });
    expectError(res, 'Forbidden.RAM');
    expect(res.body.Message).toContain('Sec-Fetch-Site "cross-site"');
    expect(await tasksNamed(guarded.url, 'img-create')).toBe(0);
  });

  it('refuses a Host that is not its address (DNS rebinding), even from the page’s own origin', async () => {
    const rebound = `evil.example:${port(guarded.url)}`;
    for (const headers of [{ host: rebound }, { host: rebound, origin: `http://${rebound}` }]) {
      const res = await clockPost(guarded.url, headers);
      expectError(res, 'Forbidden.RAM');
      expect(res.body.Message).toContain(`Host "${rebound}" is not this emulator's address`);
    }
    expectError(await clockPost(guarded.url, { host: `127.0.0.1:${Number(port(guarded.url)) + 1}` }), 'Forbidden.RAM');
  });

  it('answers clients that are not browsers, its own origin, and localhost', async () => {
    const own = `127.0.0.1:${port(guarded.url)}`;
    for (const headers of [
      {},
      { origin: `http://${own}`, 'sec-fetch-site': 'same-origin' },
      { host: `localhost:${port(guarded.url)}` },
      { host: `LOCALHOST.:${port(guarded.url)}`, 'sec-fetch-site': 'none' },
    ]) {
      const res = await sendRaw(guarded.url, { path: '/_emulator/clock', headers });
      expectOk(res);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
    expectOk(
      await sendSigned(guarded.url, {
        action: 'DescribeLivePullToPushList',
        params: { Region: REGION },
        credentials: BUILT_IN_KEY,
      }),
    );
  });
});

describe('with --allow-cross-origin', () => {
  it('answers other origins and Host names, with CORS headers, and answers preflights', async () => {
    const before = await clockMs(open.url);
    const res = await clockPost(open.url, {
      origin: 'http://localhost:5173',
      'sec-fetch-site': 'cross-site',
      host: `dev.example:${port(open.url)}`,
    });
    expectOk(res);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(res.headers['access-control-expose-headers']).toContain('x-acs-request-id');
    expect((await clockMs(open.url)) - before).toBeGreaterThanOrEqual(86_000_000);

    const preflight = await sendRaw(open.url, {
      method: 'OPTIONS',
      path: '/',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, x-acs-action',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, POST');
    expect(preflight.headers['access-control-allow-headers']).toBe('authorization, x-acs-action');
  });
});

describe.skipIf(chromiumPath === undefined)(
  'a web page in headless Chromium (skipped without Chromium: apt-get install chromium)',
  () => {
    let site: Server;
    let siteUrl: string;
    beforeAll(async () => {
      site = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><title>somewhere else</title>');
      });
      await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
      siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    });
    afterAll(async () => {
      site.closeAllConnections();
      await new Promise((resolve) => site.close(resolve));
    });

    it('cannot move the clock, reset the emulator or create a task', async () => {
      const taskId = await createTaskAt(guarded.url);
      const before = await clockMs(guarded.url);
      const browser = await launchChromium(chromiumPath!);
      try {
        const page = await browser.context.newPage();
        await page.goto(siteUrl);
        // Runs in the page (a string: the test's TypeScript has no DOM types).
        const attack = `(async () => {
          const post = (path, body) => fetch(${JSON.stringify(guarded.url)} + path, {
            method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body,
          }).catch(() => undefined);
          await post('/_emulator/clock', JSON.stringify({ advanceSeconds: 86400 }));
          await post('/_emulator/reset', '');
          await new Promise((resolve) => {
            const image = document.createElement('img');
            image.onload = image.onerror = resolve;
            image.src = ${JSON.stringify(signedCreateUrl(guarded.url, 'page-create'))};
          });
        })()`;
        await page.evaluate(attack);
      } finally {
        await browser.close();
      }
      expect(await taskExists(guarded.url, taskId)).toBe(true);
      expect((await clockMs(guarded.url)) - before).toBeLessThan(60_000);
      expect(await tasksNamed(guarded.url, 'page-create')).toBe(0);
    }, 60_000);
  },
);
