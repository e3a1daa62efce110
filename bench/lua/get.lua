-- wrk script: GET, optionally with one fixed header (BENCH_HEADER, BENCH_VALUE), e.g. an API key
-- or a JWT that the gateway has cached after the first request.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local name, value = os.getenv("BENCH_HEADER"), os.getenv("BENCH_VALUE")
if name and name ~= "" then
  wrk.headers[name] = value
end
