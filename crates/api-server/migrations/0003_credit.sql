-- SBP credit: prepaid blocks and the append-only ledger.
-- The balance is the sum of the ledger; a block's remainder is the sum of its entries (its
-- top-up, debits, adjustments and the expiry that writes off what is left). Every entry
-- draws on exactly one block, so a debit that spans two blocks is two entries.
-- Triggers keep the invariants even against a faulty writer: nothing updates or deletes
-- a block or an entry, no block goes below zero, each entry carries the running balance of
-- its customer, and entries are appended in time order.

CREATE TABLE prepaid_blocks (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    bought_on    TEXT NOT NULL,
    -- The last day it can be used.
    expires_on   TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    -- The credit_top_up request it answered, if any.
    request_id   INTEGER REFERENCES requests (id),
    CHECK (bought_on <= expires_on)
);
CREATE INDEX prepaid_blocks_customer ON prepaid_blocks (customer_id, expires_on, bought_on, id);

CREATE TRIGGER prepaid_blocks_no_update BEFORE UPDATE ON prepaid_blocks
BEGIN
    SELECT RAISE(ABORT, 'prepaid blocks are immutable');
END;
CREATE TRIGGER prepaid_blocks_no_delete BEFORE DELETE ON prepaid_blocks
BEGIN
    SELECT RAISE(ABORT, 'prepaid blocks are immutable');
END;

CREATE TABLE ledger (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customers (id),
    at                  INTEGER NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('top_up', 'debit', 'expiry', 'adjustment')),
    -- Signed, in the customer's currency.
    amount_minor        INTEGER NOT NULL,
    balance_after_minor INTEGER NOT NULL CHECK (balance_after_minor >= 0),
    block_id            INTEGER NOT NULL REFERENCES prepaid_blocks (id),
    service             TEXT CHECK (service IS NULL OR service IN ('hotline', 'training',
                            'macro_development', 'deployment', 'remote_service', 'onsite_service',
                            'reinstallation_admin', 'process_analysis', 'methodology')),
    request_id          INTEGER REFERENCES requests (id),
    -- The time log (request_events row) a debit pays for.
    event_id            INTEGER REFERENCES request_events (id),
    minutes             INTEGER CHECK (minutes IS NULL OR minutes >= 0),
    note                TEXT,
    CHECK ((kind = 'top_up' AND amount_minor > 0)
        OR (kind IN ('debit', 'expiry') AND amount_minor < 0)
        OR (kind = 'adjustment' AND amount_minor <> 0)),
    CHECK (kind <> 'debit' OR (service IS NOT NULL AND request_id IS NOT NULL))
);
-- Newest first per customer, and "the last entry" per customer (rowid order).
CREATE INDEX ledger_customer_at ON ledger (customer_id, at, id);
CREATE INDEX ledger_customer ON ledger (customer_id);
CREATE INDEX ledger_block ON ledger (block_id, amount_minor);
CREATE INDEX ledger_request ON ledger (request_id) WHERE request_id IS NOT NULL;
CREATE UNIQUE INDEX ledger_one_top_up ON ledger (block_id) WHERE kind = 'top_up';
CREATE UNIQUE INDEX ledger_one_expiry ON ledger (block_id) WHERE kind = 'expiry';

CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;
CREATE TRIGGER ledger_block_of_customer BEFORE INSERT ON ledger
WHEN (SELECT customer_id FROM prepaid_blocks WHERE id = NEW.block_id) IS NOT NEW.customer_id
BEGIN
    SELECT RAISE(ABORT, 'the block belongs to another customer');
END;
CREATE TRIGGER ledger_no_overdraw BEFORE INSERT ON ledger
WHEN (SELECT coalesce(sum(amount_minor), 0) FROM ledger WHERE block_id = NEW.block_id)
     + NEW.amount_minor < 0
BEGIN
    SELECT RAISE(ABORT, 'a prepaid block cannot go below zero');
END;
CREATE TRIGGER ledger_running_balance BEFORE INSERT ON ledger
WHEN NEW.balance_after_minor IS NOT coalesce((SELECT balance_after_minor FROM ledger
         WHERE customer_id = NEW.customer_id ORDER BY id DESC LIMIT 1), 0) + NEW.amount_minor
BEGIN
    SELECT RAISE(ABORT, 'balance_after must be the previous balance plus the amount');
END;
CREATE TRIGGER ledger_time_order BEFORE INSERT ON ledger
WHEN NEW.at < (SELECT max(at) FROM ledger WHERE customer_id = NEW.customer_id)
BEGIN
    SELECT RAISE(ABORT, 'ledger entries are appended in time order');
END;
