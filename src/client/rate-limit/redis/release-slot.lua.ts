/**
 * Releases a slot taken by the acquire script (see `ACQUIRE_SLOT_LUA` for the key's layout): the
 * attempt's answer has arrived, so the service counted the request no later than now, and the
 * slot frees one window (plus 1 ms, as in the in-memory store) after now, Redis time.
 *
 * The score is set even when the lease has already expired (an attempt slower than `leaseTtlMs`):
 * the request may have reached the service late, and the slot must cover a window from now.
 *
 * KEYS[1] the account's key. ARGV: windowMs, lease id.
 */
export const RELEASE_SLOT_LUA = `
local key = KEYS[1]
local lifetime = math.ceil(tonumber(ARGV[1]) + 1)
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
redis.call('ZADD', key, now + lifetime, ARGV[2])
if redis.call('PTTL', key) < lifetime then
  redis.call('PEXPIRE', key, lifetime)
end
return 1
`;
