-- wrk script of scripts/bench-api: wrk ... URL -- [TARGETS]
-- TARGETS: a file of lines "path<TAB>Authorization header" (written by BenchApi.java -Dtargets=FILE); each request
-- is the next line, so the agents take turns. Without TARGETS every request is GET of the URL's own path.
-- At the end prints one tab-separated line: RESULT, requests/s, p50 and p99 in ms, requests, errors (answers other
-- than 2xx/3xx, socket errors and timeouts).

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
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
