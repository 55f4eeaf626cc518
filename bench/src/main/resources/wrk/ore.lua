-- Shared by CompareBench's wrk scripts (row 5, bench/README.md): the clock, the players' walk,
-- this thread's share of the players, outcome counts and the machine-readable result line.
--
-- wrk runs one Lua state per thread plus one main state. setup(thread) and done() run in the main
-- state; init(), request() and response() in a thread's own state. A thread's counts live in its
-- global table `stats`, flat (wrk copies only flat tables between states): "status_<code>" for
-- answers, "<name>" for the scripts' own counters, "hist_<kind>_<bucket>" for latency histograms.
--
-- Data file (written by the bench, io.oregrid.bench.compare.WrkPlayers, passed as the first script
-- argument; the second is wrk's thread count):
--   return { t0_ms = <epoch ms>, speed_ms = <m/s>, accuracy_m = <m>,
--            traces = { { lat = {..}, lng = {..}, at_m = {..} }, .. },  -- at_m: metres from the first point
--            players = { { token = "<access token>", trace = <index into traces>, offset_m = <m> }, .. } }
-- Player p is at offset_m along its trace at t0_ms (where the bench placed it) and walks on from there.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_usec; } timeval;
int gettimeofday(timeval *tv, void *tz);
]]

local M = {}
local tv = ffi.new("timeval")
local threads = {} -- main state only: every thread, in setup order

--- @return the wall clock, epoch microseconds
function M.now_us()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000000 + tonumber(tv.tv_usec)
end

--- setup(thread) of every script: numbers the threads 0, 1, .. (global thread_id in each thread).
function M.setup(thread)
  thread:set("thread_id", #threads)
  threads[#threads + 1] = thread
end

--- Loads the data file and keeps this thread's players: those whose index i (1-based) has
--- (i - 1) mod threads == thread_id, so each player is driven by one thread only; the list starts
--- at a random one of them, so that short runs one after the other do not all serve the same first
--- players.
--- @return the data table and the list of this thread's player indices
function M.init(args)
  local data = dofile(args[1])
  local count = tonumber(args[2])
  local all = {}
  for i = 1 + thread_id, #data.players, count do
    all[#all + 1] = i
  end
  assert(#all > 0, "fewer players than wrk threads")
  math.randomseed(M.now_us() % 1000000007 + thread_id)
  local first = math.random(#all)
  local mine = {}
  for k = 0, #all - 1 do
    mine[k + 1] = all[(first - 1 + k) % #all + 1]
  end
  stats = {}
  return data, mine
end

--- Adds n (default 1) to counter `name` of this thread.
function M.count(name, n)
  stats[name] = (stats[name] or 0) + (n or 1)
end

local LOG_STEP = math.log(1.02) -- histogram buckets 2 % wide

--- Records one latency of `kind`, microseconds.
function M.record(kind, us)
  local b = math.floor(math.log(math.max(us, 1)) / LOG_STEP)
  M.count("hist_" .. kind .. "_" .. b)
end

--- Position of a player at time t_ms on its walk: from offset_m along its trace at speed_ms,
--- forth to the trace's end and back (no jump at either end), interpolated between the points.
--- @return lat, lng in degrees
function M.position(data, player, t_ms)
  local tr = data.traces[player.trace]
  local at = tr.at_m
  local length = at[#at]
  local d = (player.offset_m + (t_ms - data.t0_ms) / 1000 * data.speed_ms) % (2 * length)
  if d > length then
    d = 2 * length - d
  end
  local lo, hi = 1, #at -- the last point with at[lo] <= d
  while hi - lo > 1 do
    local mid = math.floor((lo + hi) / 2)
    if at[mid] <= d then lo = mid else hi = mid end
  end
  local f = (d - at[lo]) / (at[hi] - at[lo])
  return tr.lat[lo] + f * (tr.lat[hi] - tr.lat[lo]), tr.lng[lo] + f * (tr.lng[hi] - tr.lng[lo])
end

local function percentile(hist, total, p)
  local want, seen = total * p / 100, 0
  for _, b in ipairs(hist) do
    seen = seen + b[2]
    if seen >= want then
      return math.exp((b[1] + 0.5) * LOG_STEP)
    end
  end
  return 0
end

--- done() of every script: prints one line
---   ore-wrk requests=N duration_us=N p50_us=N p90_us=N p99_us=N max_us=N errors_connect=N errors_read=N
---   errors_write=N errors_timeout=N non2xx=N <counter>=N .. <kind>_p50_us=N <kind>_p99_us=N ..
--- wrk's own latency (every request), then the threads' counters summed, then per histogram kind its
--- count, p50 and p99 (2 % buckets).
function M.done(summary, latency, requests)
  local sum = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("stats")) do
      sum[k] = (sum[k] or 0) + v
    end
  end
  local parts = {
    string.format("requests=%d duration_us=%d", summary.requests, summary.duration),
    string.format("p50_us=%d p90_us=%d p99_us=%d max_us=%d", latency:percentile(50), latency:percentile(90),
      latency:percentile(99), latency.max),
    string.format("errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d non2xx=%d",
      summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status),
  }
  local hists, names = {}, {}
  for k, v in pairs(sum) do
    local kind, b = k:match("^hist_(.-)_(%-?%d+)$")
    if kind then
      if not hists[kind] then
        hists[kind] = { total = 0 }
      end
      table.insert(hists[kind], { tonumber(b), v })
      hists[kind].total = hists[kind].total + v
    else
      names[#names + 1] = k
    end
  end
  table.sort(names)
  for _, k in ipairs(names) do
    parts[#parts + 1] = k .. "=" .. sum[k]
  end
  for kind, h in pairs(hists) do
    table.sort(h, function(a, b) return a[1] < b[1] end)
    parts[#parts + 1] = string.format("%s_timed=%d %s_p50_us=%d %s_p99_us=%d", kind, h.total, kind,
      percentile(h, h.total, 50), kind, percentile(h, h.total, 99))
  end
  io.write("ore-wrk ", table.concat(parts, " "), "\n")
end

return M
