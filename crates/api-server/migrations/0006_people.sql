-- People and accounts (issue 13): a user's status and last sign-in, their phone; when a
-- session was last seen and from which browser; single-use tokens for invitations and
-- password resets; the record of changes to a company's people.

-- 'invited' users have no usable password ('!' matches no PHC string) until they accept;
-- 'deactivated' ones cannot sign in and keep their name on their requests.
ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'invited', 'deactivated'));
ALTER TABLE users ADD COLUMN last_sign_in_at INTEGER;
ALTER TABLE users ADD COLUMN phone TEXT;

ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER;
-- The browser's User-Agent at sign-in, cut to 256 characters: the sessions list names it.
ALTER TABLE sessions ADD COLUMN user_agent TEXT;

-- Only the SHA-256 of a mailed token is kept. A token is used once: `used_at` is set in
-- the same transaction that acts on it. A new token of a purpose replaces the user's old one.
CREATE TABLE account_tokens (
    token_hash BLOB PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('invitation', 'reset')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
) WITHOUT ROWID;
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);

-- Names and addresses are copied: the record stays readable after an invitation is
-- revoked (its user row is gone) or a name changes.
CREATE TABLE people_changes (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('invited', 'invitation_resent',
                    'invitation_revoked', 'invitation_accepted', 'role_changed',
                    'deactivated', 'reactivated')),
    actor_name  TEXT NOT NULL,
    person_name TEXT NOT NULL,
    email       TEXT NOT NULL,
    role        TEXT CHECK (role IN ('admin', 'member'))
);
CREATE INDEX people_changes_customer ON people_changes (customer_id, at);

-- Two-step sign-in (TOTP): the secret once confirmed by a first code (sign-in then asks for
-- a code), the one waiting for that code, and the last time step used (a code works once).
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_pending TEXT;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;
-- A company admin may require it: each user's next sign-in then sets it up.
ALTER TABLE customers ADD COLUMN require_two_step INTEGER NOT NULL DEFAULT 0
    CHECK (require_two_step IN (0, 1));
-- Single-use recovery codes, stored as SHA-256; a used one is deleted.
CREATE TABLE recovery_codes (
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash BLOB NOT NULL,
    PRIMARY KEY (user_id, code_hash)
) WITHOUT ROWID;
