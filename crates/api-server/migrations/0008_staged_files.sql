-- Files uploaded before the request or comment they go with exists (issue 11: a draft
-- that survives a reload keeps its files). A staged file is a complete file whose
-- `request_id` is still NULL: it belongs to the user who uploaded it (`by_user_id`) of
-- the customer in `staged_for`, and to nothing else until a new request or comment of
-- that user takes it. `request_id` loses its NOT NULL in this migration's hook
-- (db/migrations.rs), as 0007 widened 0002's CHECKs: SQLite cannot alter a column.
-- The CHECK ties the two: a row is either on a request or staged by a customer's user.
ALTER TABLE files ADD COLUMN staged_for INTEGER REFERENCES customers (id)
    CHECK ((staged_for IS NULL) = (request_id IS NOT NULL)
           AND (staged_for IS NULL OR by_user_id IS NOT NULL));
-- The sweep's and the owner's look-ups of staged files.
CREATE INDEX files_staged ON files (staged_for, by_user_id, at) WHERE request_id IS NULL;
-- Whether a content is still named by a row, when a staged file leaves.
CREATE INDEX files_sha256 ON files (sha256);
