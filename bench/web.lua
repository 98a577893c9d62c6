-- bench/web.lua — wrk script for bench/web.sh.
--
--   wrk ... -s bench/web.lua http://HOST:PORT -- FILE PREFIX [SUFFIX]
--
-- Each request asks for PREFIX .. percent-encoded(line) .. SUFFIX, going round the lines of FILE
-- (one query or name a line), each thread starting at a different line. At the end it prints one
-- line that bench/web.sh reads:
--   agora-wrk requests=N seconds=S rps=R p50_ms=A p95_ms=B p99_ms=C errors=E non2xx=F
-- (errors: connect, read, write and timeout errors and non-2xx/3xx answers, as wrk counts them).

local targets = {}
local position = 1
local thread_count = 0

local function encode(text)
    return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

-- Runs in the main Lua state once per thread, before the threads start: number them.
function setup(thread)
    thread:set("thread_number", thread_count)
    thread_count = thread_count + 1
end

function init(args)
    local file, prefix, suffix = args[1], args[2] or "/?q=", args[3] or ""
    assert(file, "web.lua needs a file of queries: -- FILE PREFIX [SUFFIX]")
    for line in io.lines(file) do
        if line:match("%S") then
            targets[#targets + 1] = prefix .. encode(line) .. suffix
        end
    end
    assert(#targets > 0, "no queries in " .. file)
    position = ((thread_number or 0) * 7) % #targets + 1
end

function request()
    local path = targets[position]
    position = position % #targets + 1
    return wrk.format("GET", path)
end

function done(summary, latency, requests)
    local e = summary.errors
    local seconds = summary.duration / 1e6
    io.write(string.format(
        "agora-wrk requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
        summary.requests, seconds, summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        e.connect + e.read + e.write + e.timeout + e.status, e.status))
end
