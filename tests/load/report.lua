-- Shared by the load scenarios: one machine-readable line for scripts/load.sh.
-- RESULT requests duration_us p50_us p99_us errors non2xx
-- (errors: connect, read, write and timeout; non2xx: answers with a status of 400 or more)
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
