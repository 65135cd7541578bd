-- Signs in again and again (argon2 verification is the cost being measured).
dofile("tests/load/report.lua")
wrk.method = "POST"
wrk.path = "/api/v1/session"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"admin@strojirny-hradec.demo","password":"portal-demo"}'
