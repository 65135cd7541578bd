-- The floor: the same path as plan.lua without a session, answered 401 before any
-- database work. What the server costs without the database.
dofile("tests/load/report.lua")
wrk.method = "GET"
wrk.path = "/api/v1/plan"
