-- The load test. The arguments after "--" are the schedule that every connection cycles through: an argument that
-- starts with "/" is a page to GET, any other is a JSON body to POST to the claim API. Each thread starts at its
-- own point of the schedule and counts the answers by status and kind (told by their Content-Type, since wrk
-- does not say which request an answer belongs to); done() adds up the threads' counts.
local threads = {}

function setup(thread)
   thread:set("thread_number", #threads)
   table.insert(threads, thread)
end

function init(args)
   prepared, kinds = {}, {}
   for index, item in ipairs(args) do
      local headers = {}
      for name, value in pairs(wrk.headers) do headers[name] = value end
      if item:sub(1, 1) == "/" then
         prepared[index] = wrk.format("GET", item, headers)
         kinds[index] = item:find("^/static/") and "static file" or "page"
      else
         headers["Content-Type"] = "application/json"
         prepared[index] = wrk.format("POST", "__API__", headers, item)
         kinds[index] = "claim check"
      end
   end
   position = (thread_number * 7) % #prepared
   statuses, sent = {}, {}
end

function request()
   position = position % #prepared + 1
   local kind = kinds[position]
   sent[kind] = (sent[kind] or 0) + 1
   return prepared[position]
end

function response(status, headers, body)
   local content_type = headers["Content-Type"] or headers["content-type"] or ""
   local kind = "other"
   if content_type:find("json", 1, true) then kind = "claim check"
   elseif content_type:find("text/html", 1, true) then kind = "page"
   elseif content_type:find("css", 1, true) or content_type:find("javascript", 1, true) then kind = "static file"
   end
   local key = status .. " " .. kind
   statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
   local statuses, sent = {}, {}
   for _, thread in ipairs(threads) do
      for key, count in pairs(thread:get("statuses")) do statuses[key] = (statuses[key] or 0) + count end
      for key, count in pairs(thread:get("sent")) do sent[key] = (sent[key] or 0) + count end
   end
   report(summary, latency, statuses, sent)
end
