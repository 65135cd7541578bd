-- Files on requests and comments. The bytes live outside SQLite in a content-addressed
-- store (`sha256` names them); a row is written only after its file is complete in the
-- store, in the same transaction as what it belongs to, so no row points at a half file.
-- A file on the request itself is its own timeline entry (`comment_event_id` NULL).

CREATE TABLE files (
    id               INTEGER PRIMARY KEY,
    request_id       INTEGER NOT NULL REFERENCES requests (id),
    comment_event_id INTEGER REFERENCES request_events (id),
    name             TEXT NOT NULL CHECK (length(name) > 0),
    size             INTEGER NOT NULL CHECK (size >= 0),
    content_type     TEXT NOT NULL,
    sha256           TEXT NOT NULL CHECK (length(sha256) = 64),
    -- The customer's user, or NULL for the support team (then `staff` is 1).
    by_user_id       INTEGER REFERENCES users (id),
    by_name          TEXT NOT NULL,
    staff            INTEGER NOT NULL CHECK (staff IN (0, 1)),
    at               INTEGER NOT NULL,
    scan             TEXT NOT NULL CHECK (scan IN ('pending', 'clean', 'blocked')),
    scanned_at       INTEGER,
    -- What the scanner found, for a blocked file.
    scan_note        TEXT,
    -- Idempotency-Key of the upload (keys of uploads are their own namespace per user):
    -- `upload_hash` is the SHA-256 of the call, the name and the content.
    upload_key       TEXT,
    upload_hash      BLOB,
    CHECK ((upload_key IS NULL) = (upload_hash IS NULL))
);
CREATE INDEX files_request ON files (request_id, at, id);
CREATE INDEX files_pending ON files (id) WHERE scan = 'pending';
CREATE UNIQUE INDEX files_upload_key ON files (by_user_id, upload_key)
    WHERE upload_key IS NOT NULL;
