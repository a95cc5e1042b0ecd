-- wrk script: requests drawn from a file of weighted paths, one path per line.
-- Used by `bench/load.py --mix`; the file name comes in the WRK_PATHS environment variable.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  paths[#paths + 1] = line
end

math.randomseed(42)

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end

done = function(summary, latency, requests)
  io.write(string.format("mix: %d requests, %.0f requests/s, p50 %.1f ms, p99 %.1f ms, errors %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
