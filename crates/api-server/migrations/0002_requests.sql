-- Requests: what a customer asked for, how it is billed, and its history.
-- A request's own row holds its current state; `request_events` is its timeline and is
-- append-only (status changes, comments, logged time), like the ledger of 0003.

CREATE TABLE requests (
    id                INTEGER PRIMARY KEY,
    customer_id       INTEGER NOT NULL REFERENCES customers (id),
    requested_by      INTEGER NOT NULL REFERENCES users (id),
    type              TEXT NOT NULL CHECK (type IN ('hotline', 'training', 'macro_development',
                          'deployment', 'remote_service', 'onsite_service', 'reinstallation_admin',
                          'process_analysis', 'methodology', 'credit_top_up')),
    title             TEXT NOT NULL,
    description       TEXT NOT NULL,
    priority          TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'critical')),
    licence_id        INTEGER REFERENCES licences (id),
    contact_phone     TEXT,
    -- The contract's RequestDetails as JSON (tagged by "type").
    details           TEXT NOT NULL CHECK (json_valid(details)),
    -- A catalog course date and the seats the request holds on it (released on cancel).
    course_date_id    INTEGER REFERENCES course_dates (id),
    participants      INTEGER CHECK (participants IS NULL OR participants > 0),
    status            TEXT NOT NULL CHECK (status IN ('awaiting_approval', 'submitted',
                          'scheduled', 'in_progress', 'resolved', 'closed', 'cancelled')),
    -- Billing decided when the request was made, in the customer's currency.
    billed_as         TEXT NOT NULL CHECK (billed_as IN ('alc_included', 'sbp_credit',
                          'pay_invoice', 'sla_contract')),
    billing           TEXT NOT NULL CHECK (billing IN ('hourly', 'fixed')),
    rate_minor        INTEGER CHECK (rate_minor IS NULL OR rate_minor >= 0),
    rate_unit         TEXT CHECK (rate_unit IS NULL OR rate_unit IN ('hour', 'job',
                          'participant', 'participant_day')),
    estimate_minor    INTEGER CHECK (estimate_minor IS NULL OR estimate_minor >= 0),
    estimate_minutes  INTEGER,
    created_at        INTEGER NOT NULL,
    scheduled_for     TEXT,
    -- SLA customers: when the first reaction is due (business time) and when it came.
    reaction_due_at   INTEGER,
    first_reaction_at INTEGER,
    CHECK ((course_date_id IS NULL) = (participants IS NULL))
);
CREATE INDEX requests_customer ON requests (customer_id, created_at, id);
CREATE INDEX requests_requester ON requests (requested_by, created_at, id);

CREATE TABLE request_events (
    id             INTEGER PRIMARY KEY,
    request_id     INTEGER NOT NULL REFERENCES requests (id),
    at             INTEGER NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('status', 'comment', 'time')),
    -- The customer's user, or NULL for the support team (then `staff` is 1).
    by_user_id     INTEGER REFERENCES users (id),
    by_name        TEXT NOT NULL,
    staff          INTEGER NOT NULL CHECK (staff IN (0, 1)),
    from_status    TEXT,
    to_status      TEXT,
    reason         TEXT,
    text           TEXT,
    minutes        INTEGER CHECK (minutes IS NULL OR minutes > 0),
    -- Time logs: what the work costs, what SBP credit paid, what is invoiced.
    charged_minor  INTEGER,
    debited_minor  INTEGER,
    invoiced_minor INTEGER,
    note           TEXT,
    CHECK (kind <> 'status' OR to_status IS NOT NULL),
    CHECK (kind <> 'comment' OR text IS NOT NULL),
    CHECK (kind <> 'time' OR minutes IS NOT NULL)
);
CREATE INDEX request_events_request ON request_events (request_id, at, id);

CREATE TRIGGER request_events_no_update BEFORE UPDATE ON request_events
BEGIN
    SELECT RAISE(ABORT, 'request events are append-only');
END;
CREATE TRIGGER request_events_no_delete BEFORE DELETE ON request_events
BEGIN
    SELECT RAISE(ABORT, 'request events are append-only');
END;

-- Idempotency-Key of POSTs that create something: the same key and body answer the same.
-- `scope` is the call (`requests`, or `requests/{id}/comments`); `body_hash` the SHA-256 of
-- the scope and the parsed body.
CREATE TABLE idempotency_keys (
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    user_id     INTEGER NOT NULL REFERENCES users (id),
    key         TEXT NOT NULL,
    body_hash   BLOB NOT NULL,
    request_id  INTEGER NOT NULL REFERENCES requests (id),
    event_id    INTEGER REFERENCES request_events (id),
    status      INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (customer_id, user_id, key)
) WITHOUT ROWID;
