/**
 * Takes a send slot of one account, atomically, or says how long until one frees.
 *
 * The account's key (`live-relay:rl:<AccessKeyId>`) is a sorted set with one member per busy slot:
 * the lease id, scored with the time the slot frees. A slot in flight is scored as if it were
 * released when its lease expires (`leaseTtlMs` after it was taken), so a worker that crashes
 * mid-call frees its slot by itself; the release script lowers the score to "window after the
 * answer". A slot is free at its score, so "busy slots" is simply "members scored after now".
 *
 * Time is Redis server time (`TIME`), never the caller's `nowMs`: the processes sharing a budget
 * run on machines whose clocks differ by milliseconds to seconds, and scores compared across
 * them must come from one clock. Callers only ever see durations (`waitMs`), which mean the same
 * on every machine. (`TIME` in a writing script needs effects replication: Redis 5 or later.)
 *
 * The wait: a released slot frees at its score; a slot still in flight frees no sooner than one
 * window after now (were it released this instant), hence `min(window + 1, lowest score - now)`,
 * which is at least 1 because every remaining score is after now.
 *
 * The second key (`…:own-budgets`) says that processes may be sending on their own fallback
 * budgets, which the sorted set does not hold: a process returning from an outage sets it for
 * `rejoinMs` (how long the others may take to notice Redis is back, plus a window), and every
 * acquire reports its remaining time so that each process keeps to its fallback share until then.
 *
 * KEYS[1] the account's key, KEYS[2] its own-budgets key. ARGV: limit, windowMs, leaseTtlMs,
 * lease id, rejoinMs (0 when the caller was not in an outage).
 * Returns `{1, 0, ownBudgetsMs}` when granted, `{0, waitMs, ownBudgetsMs}` when not.
 */
export const ACQUIRE_SLOT_LUA = `
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local leaseTtl = tonumber(ARGV[3])
local rejoin = math.ceil(tonumber(ARGV[5]))
if rejoin > 0 and redis.call('PTTL', KEYS[2]) < rejoin then
  redis.call('SET', KEYS[2], 1, 'PX', rejoin)
end
local ownBudgets = math.max(0, redis.call('PTTL', KEYS[2]))
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
if redis.call('ZCARD', key) < limit then
  local lifetime = math.ceil(leaseTtl + window + 1)
  redis.call('ZADD', key, now + lifetime, ARGV[4])
  -- No member frees later than this one, so the whole key may expire with it.
  redis.call('PEXPIRE', key, lifetime)
  return {1, 0, ownBudgets}
end
local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return {0, math.ceil(math.min(window + 1, tonumber(first[2]) - now)), ownBudgets}
`;
