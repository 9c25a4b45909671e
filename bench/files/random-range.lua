-- wrk script for bench/files.sh: GETs of random 64 KiB ranges of one file.
-- Environment: FILE_PATH (request target), FILE_SIZE (bytes), AUTHORIZATION (optional header value).
local path = os.getenv("FILE_PATH")
local size = tonumber(os.getenv("FILE_SIZE"))
local authorization = os.getenv("AUTHORIZATION")
local chunk = 65536
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  math.randomseed(os.time() * 1000 + seed)
end

function request()
  local first = math.random(0, size - chunk)
  local headers = { Range = "bytes=" .. first .. "-" .. (first + chunk - 1) }
  if authorization and authorization ~= "" then
    headers["Authorization"] = authorization
  end
  return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  io.write(string.format("RESULT requests=%d duration_us=%d errors=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, errors, latency:percentile(50), latency:percentile(99)))
end
