import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { SlotDecision, SlotLease } from '../../src/client/rate-limit/rate-limit-store.js';
import {
  createRedisRateLimitStore,
  type RedisRateLimitStore,
} from '../../src/client/rate-limit/redis/redis-rate-limit-store.js';
import { describeWithRedis, type RedisServer, startRedisServer } from './redis-server.js';

let server: RedisServer;
let redis: Redis;
const stores: RedisRateLimitStore[] = [];

/** A store on the test server whose logger fails the test: Redis is up throughout. */
function store(options: { leaseTtlMs?: number } = {}): RedisRateLimitStore {
  const created = createRedisRateLimitStore({
    url: server.url,
    ...options,
    logger: { warn: (message) => expect.fail(`unexpected warning: ${message}`) },
  });
  stores.push(created);
  return created;
}

/** Redis's clock, milliseconds (the clock the scripts use). */
async function redisNow(): Promise<number> {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

function lease(decision: SlotDecision): SlotLease {
  if (!decision.granted) throw new Error(`expected a slot, got a wait of ${decision.waitMs} ms`);
  return decision.lease;
}

/** Asks until granted, sleeping exactly the `waitMs` the store names each time; returns the waits. */
async function waitForSlot(acquire: () => Promise<SlotDecision>): Promise<{ lease: SlotLease; waits: number[] }> {
  const waits: number[] = [];
  for (;;) {
    const decision = await acquire();
    if (decision.granted) return { lease: decision.lease, waits };
    waits.push(decision.waitMs);
    await new Promise((resolve) => setTimeout(resolve, decision.waitMs));
  }
}

describeWithRedis('the Redis rate-limit store against a real redis-server', () => {
  beforeAll(async () => {
    server = await startRedisServer();
    redis = new Redis(server.url);
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await redis.flushall();
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  it('grants `limit` slots, then names the wait: a window for slots in flight, the exact rest for released ones', async () => {
    const s = store();
    const request = { key: 'LTAIgrant', nowMs: Date.now(), limit: 3, windowMs: 1000 };
    const leases = [lease(await s.acquire(request)), lease(await s.acquire(request)), lease(await s.acquire(request))];
    // All three in flight: none can free sooner than a window after its release, which is no sooner than now.
    expect(await s.acquire(request)).toEqual({ granted: false, waitMs: 1001 });

    const before = await redisNow();
    await s.release(leases[0]!, Date.now());
    const decision = await s.acquire(request);
    const after = await redisNow();
    // Released at Redis time r in [before, after], asked at Redis time a in [r, after]: the slot frees at r + 1001.
    expect(decision.granted).toBe(false);
    if (decision.granted) return;
    expect(decision.waitMs).toBeGreaterThanOrEqual(1001 - (after - before));
    expect(decision.waitMs).toBeLessThanOrEqual(1001);
  });

  it('grants again once the named wait has passed, and not before the window after the release', async () => {
    const s = store();
    const request = () => s.acquire({ key: 'LTAIwait', nowMs: Date.now(), limit: 1, windowMs: 200 });
    await s.release(lease(await request()), Date.now());
    const [, freesAt] = await redis.zrange('live-relay:rl:LTAIwait', 0, -1, 'WITHSCORES');
    const { waits } = await waitForSlot(request);
    expect(waits.length).toBeGreaterThanOrEqual(1);
    // The new slot is scored grant time + leaseTtlMs + window + 1.
    const scores = await redis.zrange('live-relay:rl:LTAIwait', 0, -1, 'WITHSCORES');
    const grantedAt = Math.max(...scores.filter((_, i) => i % 2 === 1).map(Number)) - (30_000 + 200 + 1);
    expect(grantedAt).toBeGreaterThanOrEqual(Number(freesAt));
  });

  it('frees the slot of a worker that never releases it once its lease expires (leaseTtlMs + window)', async () => {
    const s = store({ leaseTtlMs: 300 });
    const request = () => s.acquire({ key: 'LTAIcrash', nowMs: Date.now(), limit: 1, windowMs: 100 });
    const beforeTaking = await redisNow();
    lease(await request()); // never released: the worker "crashed"
    const { waits } = await waitForSlot(request);
    expect(waits.every((w) => w >= 1 && w <= 101)).toBe(true);
    expect((await redisNow()) - beforeTaking).toBeGreaterThanOrEqual(300 + 100 + 1);
  });

  it('keeps AccessKeyIds apart, under namespaced keys that expire when idle', async () => {
    const s = store();
    const request = (key: string) => ({ key, nowMs: Date.now(), limit: 1, windowMs: 1000 });
    lease(await s.acquire(request('LTAIone')));
    expect((await s.acquire(request('LTAIone'))).granted).toBe(false);
    lease(await s.acquire(request('LTAItwo')));
    expect((await redis.keys('*')).sort()).toEqual(['live-relay:rl:LTAIone', 'live-relay:rl:LTAItwo']);
    const ttl = await redis.pttl('live-relay:rl:LTAIone');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000 + 1000 + 1);
  });

  it('shares one budget between separate connections: 30 concurrent requests, exactly `limit` granted', async () => {
    const [a, b, c] = [store(), store(), store()];
    const request = { key: 'LTAIshared', nowMs: Date.now(), limit: 10, windowMs: 60_000 };
    const decisions = await Promise.all(Array.from({ length: 30 }, (_, i) => [a, b, c][i % 3]!.acquire(request)));
    expect(decisions.filter((d) => d.granted)).toHaveLength(10);
    expect(await redis.zcard('live-relay:rl:LTAIshared')).toBe(10);
  });

  it("reads Redis's clock, not the caller's: callers whose clocks disagree by hours share one window", async () => {
    const [behind, ahead] = [store(), store()];
    const hour = 3_600_000;
    // Judged by the fast clock, a slot released by the slow one left its window an hour ago.
    const first = lease(await behind.acquire({ key: 'LTAIskew', nowMs: Date.now() - hour, limit: 1, windowMs: 500 }));
    await behind.release(first, Date.now() - hour);
    const decision = await ahead.acquire({ key: 'LTAIskew', nowMs: Date.now() + hour, limit: 1, windowMs: 500 });
    expect(decision).toMatchObject({ granted: false });
    if (!decision.granted) expect(decision.waitMs).toBeLessThanOrEqual(501);
  });

  it('sends the script again after Redis has forgotten it (SCRIPT FLUSH, or a restart)', async () => {
    const s = store();
    const request = { key: 'LTAIflush', nowMs: Date.now(), limit: 2, windowMs: 1000 };
    lease(await s.acquire(request));
    await redis.script('FLUSH');
    lease(await s.acquire(request));
    expect((await s.acquire(request)).granted).toBe(false);
  });
});
