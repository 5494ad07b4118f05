-- wrk's report, shared by both scripts: done() prints one JSON line, after a marker, that benchsite reads.
local function json_value(value)
   if type(value) == "table" then
      local parts = {}
      for key, item in pairs(value) do
         parts[#parts + 1] = string.format("%q:%s", tostring(key), json_value(item))
      end
      return "{" .. table.concat(parts, ",") .. "}"
   elseif type(value) == "number" then
      return string.format("%.17g", value)
   end
   return string.format("%q", tostring(value))
end

function report(summary, latency, statuses, sent)
   io.write("__MARKER__", json_value({
      duration_us = summary.duration,
      requests = summary.requests,
      bytes = summary.bytes,
      errors = summary.errors,
      latency_us = {
         mean = latency.mean, max = latency.max,
         p50 = latency:percentile(50), p75 = latency:percentile(75),
         p90 = latency:percentile(90), p99 = latency:percentile(99),
      },
      statuses = statuses,
      sent = sent,
   }), "\n")
end
