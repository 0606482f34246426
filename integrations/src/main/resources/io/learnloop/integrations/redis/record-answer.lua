-- Records one answer atomically: idempotency, the answer stream, the item's FSRS-6 memory and due
-- date, counts per skill, points, the daily streak and the learner's points per team. One round
-- trip. Every key is the learner's (hash tag {learner}): one cluster slot. The team leaderboard
-- lives in another slot; RedisAnswerLog sets it afterwards from the team total this returns.
-- The FSRS-6 formulas are those of io.learnloop.dialog.learning.memory.Fsrs (py-fsrs), without
-- learning steps; the AnswerLog contract test checks both give the same memory.
--
-- KEYS: 1 answer ids (set), 2 answers (stream), 3 cards (hash item -> "S|D|last|due"),
--       4 due (zset item -> due ms), 5 skills (hash), 6 stats (hash),
--       7 the learner's points per team (hash team -> points)
-- ARGV: 1 answer id, 2 learner, 3 item, 4 skills (comma-separated), 5 correct (1/0), 6 choice,
--       7 response ms, 8 at ms, 9 context, 10 local day, 11 team ('' for none),
--       12 mode ('record' or 'replay'), 13 rating (1-4), 14 desired retention, 15 maximum days,
--       16 points for this answer, 17..37 the 21 FSRS-6 weights
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then
  local s = redis.call('HMGET', KEYS[6], 'points', 'streak')
  local team_total = 0
  if ARGV[11] ~= '' then team_total = tonumber(redis.call('HGET', KEYS[7], ARGV[11])) or 0 end
  return {'duplicate', tonumber(s[1]) or 0, tonumber(s[2]) or 0, -1, team_total}
end
local correct = ARGV[5] == '1'
if ARGV[12] == 'record' then
  redis.call('XADD', KEYS[2], '*', 'id', ARGV[1], 'item', ARGV[3], 'skills', ARGV[4],
    'correct', ARGV[5], 'choice', ARGV[6], 'response_ms', ARGV[7], 'at', ARGV[8],
    'context', ARGV[9], 'day', ARGV[10], 'team', ARGV[11])
end

local w = {}
for i = 0, 20 do w[i] = tonumber(ARGV[17 + i]) end
local rating = tonumber(ARGV[13])
local at = tonumber(ARGV[8])
local decay = -w[20]
local factor = math.pow(0.9, 1 / decay) - 1
local function clamp_d(d) return math.min(math.max(d, 1), 10) end
local function initial_d(r) return w[4] - math.exp(w[5] * (r - 1)) + 1 end

local status = 'recorded'
local due = -1
local card = redis.call('HGET', KEYS[3], ARGV[3])
local s, d, last
if not card then
  s = math.max(w[rating - 1], 0.001)
  d = clamp_d(initial_d(rating))
else
  local s1, d1, l1 = string.match(card, '([^|]+)|([^|]+)|([^|]+)')
  s = tonumber(s1)
  d = tonumber(d1)
  last = tonumber(l1)
  if at < last then
    status = 'out-of-order'
  else
    local days = math.floor((at - last) / 86400000)
    local next_s
    if days < 1 then
      local inc = math.exp(w[17] * (rating - 3 + w[18])) * math.pow(s, -w[19])
      if rating >= 3 then inc = math.max(inc, 1) end
      next_s = s * inc
    else
      local r = math.pow(1 + factor * days / s, decay)
      if rating == 1 then
        next_s = math.min(
          w[11] * math.pow(d, -w[12]) * (math.pow(s + 1, w[13]) - 1) * math.exp((1 - r) * w[14]),
          s / math.exp(w[17] * w[18]))
      else
        local hard = (rating == 2) and w[15] or 1
        local easy = (rating == 4) and w[16] or 1
        next_s = s * (1 + math.exp(w[8]) * (11 - d) * math.pow(s, -w[9])
          * (math.exp((1 - r) * w[10]) - 1) * hard * easy)
      end
    end
    s = math.max(next_s, 0.001)
    local damped = d + (10 - d) * (-(w[6] * (rating - 3))) / 9
    d = clamp_d(w[7] * initial_d(4) + (1 - w[7]) * damped)
  end
end
if status == 'recorded' then
  local days = s / factor * (math.pow(tonumber(ARGV[14]), 1 / decay) - 1)
  local interval = math.min(math.max(math.floor(days + 0.5), 1), tonumber(ARGV[15]))
  due = at + interval * 86400000
  redis.call('HSET', KEYS[3], ARGV[3],
    string.format('%.17g|%.17g|%d|%d', s, d, at, due))
  redis.call('ZADD', KEYS[4], due, ARGV[3])
end

for skill in string.gmatch(ARGV[4], '[^,]+') do
  redis.call('HINCRBY', KEYS[5], skill .. ':attempts', 1)
  if correct then redis.call('HINCRBY', KEYS[5], skill .. ':wins', 1) end
end

local points = tonumber(ARGV[16])
redis.call('HINCRBY', KEYS[6], 'answers', 1)
if correct then redis.call('HINCRBY', KEYS[6], 'correct', 1) end
local total = redis.call('HINCRBY', KEYS[6], 'points', points)
local day = tonumber(ARGV[10])
local streak_day = tonumber(redis.call('HGET', KEYS[6], 'streak_day'))
local streak = tonumber(redis.call('HGET', KEYS[6], 'streak')) or 0
if streak_day == nil or day > streak_day + 1 then
  streak = 1
  redis.call('HSET', KEYS[6], 'streak', 1, 'streak_day', day)
elseif day == streak_day + 1 then
  streak = streak + 1
  redis.call('HSET', KEYS[6], 'streak', streak, 'streak_day', day)
end
local team_total = 0
if ARGV[11] ~= '' then
  team_total = redis.call('HINCRBY', KEYS[7], ARGV[11], points)
end
return {status, total, streak, due, team_total}
