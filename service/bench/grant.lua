-- wrk script: POST /api/v1/grants, each request a new member (so none is refused by the once-a-year limit),
-- granting the Xi'an free health check, which takes a place of its yearly quota. Counts the answers by status;
-- load.sh then counts the grants in the database.
-- per-thread globals (thread:set and thread:get read a thread's globals, not its locals)
counter = 0
tid = 0
created = 0
other = 0
local threads = {}
local next_tid = 0

function setup(thread)
  next_tid = next_tid + 1
  thread:set("tid", next_tid)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Basic " .. args[1]
  benefit = args[2] or "XIAN_FREE_HEALTH_CHECK"
  prefix = args[3] or "L"
  -- each 201's member id, one file per thread, for load.sh to find in the database
  granted = args[4] and io.open(args[4] .. "." .. tid, "w") or nil
end

function request()
  counter = counter + 1
  local body = '{"member_id": "' .. prefix .. tid .. '-' .. counter .. '", "benefit": "' .. benefit .. '", "region": "xian",'
    .. ' "as_of": "2026-03-10", "worker": {"occupation": "COURIER", "new_employment_form": true, "work_city": "xian",'
    .. ' "union_member": true}}'
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
    if granted then
      granted:write(string.match(body, '"member_id":"([^"]+)"'), "\n")
      granted:flush()
    end
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
  end
  io.write(string.format("answered 201: %d, other: %d\n", c, o))
end
