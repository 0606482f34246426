-- Replaces a learner's profile hash and returns the identities the old one listed.
-- KEYS: 1 profile (hash)
-- ARGV: field, value, ...
local old = redis.call('HGET', KEYS[1], 'identities')
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV))
return old or ''
