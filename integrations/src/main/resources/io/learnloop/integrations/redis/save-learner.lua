-- Saves a learner profile atomically: refuses identities that belong to another learner, releases
-- the identities the old profile listed and the new one does not, replaces the profile hash.
-- KEYS: 1 profile (hash), 2 identity index (hash "channel:user" -> learner id)
-- ARGV: 1 learner id, 2 n identities, 3..2+n identities ("channel:user"), then field, value, ...
local n = tonumber(ARGV[2])
for i = 1, n do
  local owner = redis.call('HGET', KEYS[2], ARGV[2 + i])
  if owner and owner ~= ARGV[1] then
    return {'taken', ARGV[2 + i], owner}
  end
end
local old = redis.call('HGET', KEYS[1], 'identities')
if old then
  for identity in string.gmatch(old, '[^\n]+') do
    if redis.call('HGET', KEYS[2], identity) == ARGV[1] then
      redis.call('HDEL', KEYS[2], identity)
    end
  end
end
redis.call('DEL', KEYS[1])
for i = 1, n do
  redis.call('HSET', KEYS[2], ARGV[2 + i], ARGV[1])
end
local fields = {}
for i = 3 + n, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
redis.call('HSET', KEYS[1], unpack(fields))
return {'saved'}
