-- wrk script: POST /api/v1/assessments with a Xi'an courier case (the README's example).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"region": "xian", "as_of": "2026-03-10", "worker": {"occupation": "COURIER", "new_employment_form": true, "work_city": "xian", "hukou_province": "henan", "union_member": true, "children": [{"birth_date": "2015-06-01"}]}, "events": [{"type": "HOMECOMING_TRIP", "reason": "URGENT_MATTER", "union_certified": true, "ticket_cost": 356.50}]}]]

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
