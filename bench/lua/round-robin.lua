-- wrk script: GET with one header whose value goes round-robin over the lines of a file, e.g.
-- 1,000 API keys or 20,000 JWTs. BENCH_FILE (one value per line), BENCH_HEADER (header name),
-- BENCH_PREFIX (put before each value, e.g. "Bearer "). The file is read once per thread in
-- init() and every request is formatted there; each thread has its own index, threads start at
-- different offsets.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local threads = 0
function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

local requests, index = {}, 0
function init(args)
  local name, prefix = os.getenv("BENCH_HEADER"), os.getenv("BENCH_PREFIX") or ""
  for line in io.lines(os.getenv("BENCH_FILE")) do
    if line ~= "" then
      local headers = {}
      headers[name] = prefix .. line
      requests[#requests + 1] = wrk.format(nil, nil, headers)
    end
  end
  if #requests == 0 then
    error("round-robin.lua: no values in " .. tostring(os.getenv("BENCH_FILE")))
  end
  index = ((offset or 0) * 7919) % #requests
end

function request()
  index = index % #requests + 1
  return requests[index]
end
