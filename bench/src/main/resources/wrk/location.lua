-- CompareBench row 5, location: POST /api/v1/location/update for every player in turn.
-- Arguments: the data file (see ore.lua), wrk's thread count.
--
-- Each thread drives its own players (ore.init), round-robin, so one player's fixes are a whole
-- round apart. A fix is where the player is on its walk (ore.position) at the real current time,
-- accuracy and speed as the data file says, timestamp max(now, the player's last + 1) epoch ms, so
-- timestamps strictly increase per player and the derived speed stays the walking speed.
-- Counts every answer by status ("status_<code>") and each 422 by its reason ("refused_<REASON>").
local ore = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "ore.lua")

local data, mine
local last = {} -- player index -> timestamp of its last fix, epoch ms
local turn = 1 -- index into mine of the next player
local headers = { ["Content-Type"] = "application/json" }

setup = ore.setup
done = ore.done

function init(args)
  data, mine = ore.init(args)
end

function request()
  local p = mine[turn]
  turn = turn % #mine + 1
  local ts = math.max(math.floor(ore.now_us() / 1000), (last[p] or 0) + 1)
  last[p] = ts
  local player = data.players[p]
  local lat, lng = ore.position(data, player, ts)
  headers["Authorization"] = "Bearer " .. player.token
  return wrk.format("POST", "/api/v1/location/update", headers,
    string.format('{"lat":%.8f,"lng":%.8f,"accuracy":%g,"timestamp":%d,"speed":%g}', lat, lng, data.accuracy_m, ts,
      data.speed_ms))
end

function response(status, _, body)
  ore.count("status_" .. status)
  if status == 422 then
    ore.count("refused_" .. (body:match('"reason":"([%u_]+)"') or "other"))
  end
end
