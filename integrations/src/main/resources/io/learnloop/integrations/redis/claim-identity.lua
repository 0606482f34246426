-- Claims a channel identity for a learner unless another learner holds it.
-- KEYS: 1 identity (string: learner id)
-- ARGV: 1 learner id, 2 the holder a stale claim may be taken from ('' for none)
-- Returns {'new'} or {'own'} when the learner holds it now, {'taken', holder} when another does.
local holder = redis.call('GET', KEYS[1])
if not holder or holder == ARGV[2] then
  redis.call('SET', KEYS[1], ARGV[1])
  return {'new'}
end
if holder == ARGV[1] then
  return {'own'}
end
return {'taken', holder}
