dofile("tests/load/auth.lua")
dofile("tests/load/report.lua")
wrk.method = "GET"
wrk.path = "/api/v1/catalog"
