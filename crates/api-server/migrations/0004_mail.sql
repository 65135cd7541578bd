-- E-mail notifications: a transactional outbox, each user's language and preferences, and
-- per-request mutes.
-- A mail is a row of `outbox`, written in the same transaction as the event that causes it
-- and rendered then (subject, plain text, HTML), so the worker only sends. Its Message-ID
-- is chosen once, with the row: a resend after a crash carries the same one, so the
-- receiving side (and the outage test) can tell a duplicate.

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    message_id      TEXT NOT NULL UNIQUE,
    -- MailKind::key(); no CHECK: later features add kinds without rebuilding the table.
    kind            TEXT NOT NULL,
    to_user         INTEGER NOT NULL REFERENCES users (id),
    -- The address and language at the time of the event.
    to_address      TEXT NOT NULL,
    language        TEXT NOT NULL CHECK (language IN ('pl', 'cs', 'sk', 'en')),
    request_id      INTEGER REFERENCES requests (id),
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    body_html       TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    -- Sending: tries so far, when the next try is due, when the SMTP server accepted it,
    -- and why the last try failed.
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at INTEGER NOT NULL,
    sent_at         INTEGER,
    last_error      TEXT
);
-- What the worker asks: unsent mails, the earliest due first.
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE sent_at IS NULL;
CREATE INDEX outbox_user ON outbox (to_user, created_at);

-- The language of the user's mails (and the portal's default for them); NULL: the
-- company's language.
ALTER TABLE users ADD COLUMN language TEXT
    CHECK (language IS NULL OR language IN ('pl', 'cs', 'sk', 'en'));

-- A user's choice per kind of mail; no row: the default (on, except that members get no
-- company-wide mails).
CREATE TABLE notification_preferences (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind    TEXT NOT NULL,
    enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    PRIMARY KEY (user_id, kind)
) WITHOUT ROWID;

-- Requests a user muted: no switchable mail about them goes to that user.
CREATE TABLE request_mutes (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    request_id INTEGER NOT NULL REFERENCES requests (id),
    PRIMARY KEY (user_id, request_id)
) WITHOUT ROWID;

-- What the periodic checks and threshold crossings already notified, so each condition
-- mails once: ('block_expiring', block id), ('sla_missed', request id),
-- ('low_credit', customer id; removed when the balance is back above the threshold).
CREATE TABLE notified (
    kind    TEXT NOT NULL,
    subject INTEGER NOT NULL,
    at      INTEGER NOT NULL,
    PRIMARY KEY (kind, subject)
) WITHOUT ROWID;
