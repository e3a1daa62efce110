-- wrk script: POST a fixed body of BENCH_BODY_BYTES bytes (default 65536), sent with
-- Content-Length, for the streamed-upload scenarios.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

wrk.method = "POST"
wrk.body = string.rep("x", tonumber(os.getenv("BENCH_BODY_BYTES") or "65536"))
wrk.headers["Content-Type"] = "application/octet-stream"
