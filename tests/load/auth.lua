-- Shared by the load scenarios: every request carries the session cookie and CSRF token
-- that scripts/load.sh obtained by signing in (environment variables).
local cookie = os.getenv("LOAD_COOKIE")
local csrf = os.getenv("LOAD_CSRF")
wrk.headers["Cookie"] = "portal_session=" .. cookie
wrk.headers["X-CSRF-Token"] = csrf

