-- Records when a known learner was last asked about skills; 0 when the learner is unknown.
-- KEYS: 1 profile (hash), 2 asked (sorted set skill -> epoch ms)
-- ARGV: 1 epoch ms, 2.. skills
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
for i = 2, #ARGV do
  redis.call('ZADD', KEYS[2], 'GT', ARGV[1], ARGV[i])
end
return 1
