-- Closing the loop on a request (issue 14): quotes, ratings, the escalation reference.
-- The new status `quote_pending` and the new timeline kinds (`quote`, `rating`,
-- `escalation`, `auto_close`) are added to the CHECKs of 0002 by this migration's hook
-- (db/migrations.rs), which widens those lists in place: SQLite cannot alter a CHECK.

-- A quote for work priced by agreement. `expired` is not stored: an issued quote past
-- `valid_until` is expired. A new quote replaces the request's open one.
CREATE TABLE quotes (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER NOT NULL REFERENCES requests (id),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    text         TEXT NOT NULL,
    valid_until  TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('issued', 'accepted', 'declined', 'replaced')),
    issued_at    INTEGER NOT NULL,
    -- The status the request had when quoted: declining returns it there.
    quoted_from  TEXT NOT NULL,
    decided_at   INTEGER,
    reason       TEXT
);
CREATE INDEX quotes_request ON quotes (request_id, id);
CREATE UNIQUE INDEX quotes_one_open ON quotes (request_id) WHERE state = 'issued';

-- The requester's rating of a closed request: one per request, changeable for a while
-- after `first_at`; each rating and change is also a timeline event.
CREATE TABLE ratings (
    request_id INTEGER PRIMARY KEY REFERENCES requests (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment    TEXT,
    first_at   INTEGER NOT NULL,
    at         INTEGER NOT NULL
);

-- The accepted quote's amount: the request's agreed price, charged at the first time log.
ALTER TABLE requests ADD COLUMN quoted_minor INTEGER CHECK (quoted_minor IS NULL OR quoted_minor > 0);
-- Dassault Systèmes' service request number, once escalated there.
ALTER TABLE requests ADD COLUMN escalation TEXT;

-- Timeline events of the new kinds: a quote step names its quote (`text` is the state it
-- moved to, `reason` a decline's reason); a rating carries its score (`text` the comment);
-- an escalation its reference in `text`.
ALTER TABLE request_events ADD COLUMN quote_id INTEGER REFERENCES quotes (id);
ALTER TABLE request_events ADD COLUMN score INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 5);
CREATE INDEX requests_resolved ON requests (status) WHERE status = 'resolved';
