-- Releases a channel identity, but only from the learner that holds it.
-- KEYS: 1 identity (string: learner id)
-- ARGV: 1 learner id
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
