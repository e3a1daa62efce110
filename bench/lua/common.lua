-- Shared by the bench/run wrk scripts (loaded with dofile): at the end of a run, one
-- machine-readable line with what wrk's own summary lacks (p99.9) and the error counts.
-- Latencies in microseconds; non2xx counts responses with status >= 400 (wrk's own rule),
-- socket_errors adds up connect, read, write and timeout errors.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%.0f p99_us=%.0f p999_us=%.0f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency:percentile(99.9), e.status, e.connect + e.read + e.write + e.timeout))
end
