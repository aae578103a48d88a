-- wrk script of scripts/bench-api: [WFM_BENCH_RATE=N] wrk -t THREADS -c CONNECTIONS ... URL -- [TARGETS]
-- TARGETS: a file of lines "path<TAB>Authorization header" (written by BenchApi.java -Dtargets=FILE); each request
-- is the next line, so the agents take turns. Without it every request is GET of the URL's own path.
-- WFM_BENCH_RATE: requests per second of each wrk thread, sent on schedule (a connection still waits for its answer
-- before it sends again); without it every connection sends its next request as soon as the last is answered.
-- At the end prints one tab-separated line: RESULT, requests/s, p50 and p99 in ms, requests, errors (answers other
-- than 2xx/3xx, socket errors and timeouts).

local rate = tonumber(os.getenv("WFM_BENCH_RATE") or "")
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

local targets = {}
local next_target = 1

function init(args)
  if args[1] then
    for line in io.lines(args[1]) do
      local path, auth = line:match("^([^\t]+)\t(.+)$")
      if path then
        targets[#targets + 1] = wrk.format("GET", path, { Authorization = auth })
      end
    end
    next_target = (id * 7) % #targets + 1
  end
end

if rate then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } wfm_timespec;
    int clock_gettime(int clock, wfm_timespec *now);
  ]]
  local now = ffi.new("wfm_timespec")
  local interval_ms = 1000 / rate
  local start_ms = nil
  local scheduled = 0

  -- the next request is due at start + n * interval, whichever connection sends it
  function delay()
    ffi.C.clock_gettime(1, now) -- CLOCK_MONOTONIC
    local now_ms = tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6
    start_ms = start_ms or now_ms
    local due = start_ms + scheduled * interval_ms
    scheduled = scheduled + 1
    return due > now_ms and math.floor(due - now_ms) or 0
  end
end

function request()
  if #targets == 0 then
    return wrk.request()
  end
  local r = targets[next_target]
  next_target = next_target % #targets + 1
  return r
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format("RESULT\t%.0f\t%.1f\t%.1f\t%d\t%d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, errors))
end
