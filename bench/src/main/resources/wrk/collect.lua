-- CompareBench row 5, collect: per player in turn GET /api/v1/game/coins/nearby?radius=R, then
-- POST /api/v1/game/coins/{id}/collect of the nearest coin it listed within the collect range.
-- Arguments: the data file (see ore.lua), wrk's thread count, R in metres, the collect range in metres.
--
-- Each thread drives its own players (ore.init), round-robin. A nearby answer puts (player, nearest
-- coin in range) on the thread's queue; the next request of the thread takes the queue's head if
-- there is one, else the next player's nearby. Every collect carries an Idempotency-Key of its own
-- (this run's id, the thread's counter). Each request carries X-Request-ID "<n|c><player>.<sent µs>",
-- which the server echoes: response() reads from it which player a nearby answer is for and how
-- long each kind took ("hist_nearby_*", "hist_collect_*"). Counts "nearby_<status>",
-- "collect_<status>" and "nearby_empty" (a 200 listing no coin in range).
local ore = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "ore.lua")

local data, mine, nearby_path, range_m, run_id
local turn = 1 -- index into mine of the next player
local queue, head, tail = {}, 1, 0 -- collects due: { player index, coin id }, oldest first
local keys = 0
local headers = {}

setup = ore.setup
done = ore.done

function init(args)
  data, mine = ore.init(args)
  nearby_path = "/api/v1/game/coins/nearby?radius=" .. args[3]
  range_m = tonumber(args[4])
  run_id = string.format("w%x.%d", ore.now_us(), thread_id)
end

function request()
  local now = ore.now_us()
  if head <= tail then
    local job = queue[head]
    queue[head] = nil
    head = head + 1
    keys = keys + 1
    headers["Authorization"] = "Bearer " .. data.players[job[1]].token
    headers["Idempotency-Key"] = string.format("%s.%d", run_id, keys)
    headers["X-Request-ID"] = string.format("c%d.%d", job[1], now)
    return wrk.format("POST", "/api/v1/game/coins/" .. job[2] .. "/collect", headers, "")
  end
  local p = mine[turn]
  turn = turn % #mine + 1
  headers["Authorization"] = "Bearer " .. data.players[p].token
  headers["Idempotency-Key"] = nil
  headers["X-Request-ID"] = string.format("n%d.%d", p, now)
  return wrk.format("GET", nearby_path, headers)
end

function response(status, hdrs, body)
  local kind, p, sent = (hdrs["X-Request-ID"] or ""):match("^(%a)(%d+)%.(%d+)$")
  if not kind then
    ore.count("unmatched_" .. status)
    return
  end
  local us = ore.now_us() - tonumber(sent)
  if kind == "c" then
    ore.record("collect", us)
    ore.count("collect_" .. status)
    return
  end
  ore.record("nearby", us)
  ore.count("nearby_" .. status)
  if status == 200 then
    -- coins come nearest first, each {"id":..,..,"distance_m":..}
    local id, d = body:match('"id":"([^"]+)"[^}]-"distance_m":([%d%.]+)')
    if id and tonumber(d) <= range_m then
      tail = tail + 1
      queue[tail] = { tonumber(p), id }
    else
      ore.count("nearby_empty")
    end
  end
end
