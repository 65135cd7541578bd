-- Core schema: customers and their people, sessions, support levels and agreements,
-- the installed base, the service catalog and trainings.
-- Conventions: days are TEXT 'YYYY-MM-DD' (they compare in date order), instants are
-- INTEGER unix seconds (UTC), money is INTEGER minor units in the customer's currency
-- (or in the currency named beside it), enum columns hold the contract's JSON names.
-- Later migrations add the SBP credit ledger and requests next to these tables.

CREATE TABLE customers (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    country  TEXT NOT NULL CHECK (length(country) = 2),
    currency TEXT NOT NULL CHECK (currency IN ('PLN', 'CZK', 'EUR')),
    language TEXT NOT NULL CHECK (language IN ('pl', 'cs', 'sk', 'en'))
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    -- Stored lower-case; sign-in looks it up lower-cased.
    email         TEXT NOT NULL UNIQUE CHECK (email = lower(email)),
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    -- PHC string ($argon2id$...), never the password.
    password_hash TEXT NOT NULL
);
CREATE INDEX users_customer ON users (customer_id);

-- Only the SHA-256 of the cookie's token is kept: a copy of the database opens no session.
CREATE TABLE sessions (
    token_hash BLOB PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- The levels a customer holds and for which period (NULL: open-ended).
CREATE TABLE customer_levels (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    level       TEXT NOT NULL CHECK (level IN ('alc', 'pay', 'sbp', 'sla')),
    since       TEXT,
    until       TEXT,
    CHECK (since IS NULL OR until IS NULL OR since <= until)
);
CREATE INDEX customer_levels_customer ON customer_levels (customer_id);

-- The installed base: licences bought from the company, with their maintenance (ALC) period.
CREATE TABLE licences (
    id                INTEGER PRIMARY KEY,
    customer_id       INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    product           TEXT NOT NULL,
    licence_type      TEXT NOT NULL,
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    maintenance_start TEXT NOT NULL,
    maintenance_end   TEXT NOT NULL,
    CHECK (maintenance_start <= maintenance_end)
);
CREATE INDEX licences_customer ON licences (customer_id);

CREATE TABLE sbp_subscriptions (
    id                          INTEGER PRIMARY KEY,
    customer_id                 INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    since                       TEXT NOT NULL,
    until                       TEXT,
    -- In the customer's currency.
    low_balance_threshold_minor INTEGER NOT NULL CHECK (low_balance_threshold_minor >= 0)
);
CREATE INDEX sbp_subscriptions_customer ON sbp_subscriptions (customer_id);

CREATE TABLE sla_contracts (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    reference   TEXT NOT NULL UNIQUE,
    since       TEXT NOT NULL,
    until       TEXT,
    -- Business hours in which reaction time counts: ISO weekdays as '1,2,3,4,5'.
    weekdays    TEXT NOT NULL,
    opens       TEXT NOT NULL,
    closes      TEXT NOT NULL,
    time_zone   TEXT NOT NULL
);
CREATE INDEX sla_contracts_customer ON sla_contracts (customer_id);

CREATE TABLE sla_reaction_targets (
    contract_id INTEGER NOT NULL REFERENCES sla_contracts (id) ON DELETE CASCADE,
    priority    TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'critical')),
    minutes     INTEGER NOT NULL CHECK (minutes > 0),
    PRIMARY KEY (contract_id, priority)
) WITHOUT ROWID;

-- The company's own contacts, the same for every customer: a single row.
CREATE TABLE support_contacts (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    hotline_phone   TEXT NOT NULL,
    hotline_email   TEXT NOT NULL,
    hours_weekdays  TEXT NOT NULL,
    hours_opens     TEXT NOT NULL,
    hours_closes    TEXT NOT NULL,
    hours_time_zone TEXT NOT NULL,
    manager_name    TEXT NOT NULL,
    manager_phone   TEXT NOT NULL,
    manager_email   TEXT NOT NULL
);

CREATE TABLE services (
    code     TEXT PRIMARY KEY,
    billing  TEXT NOT NULL CHECK (billing IN ('hourly', 'fixed')),
    -- Order in the catalog.
    position INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;

-- Rates per currency: PAY and the better prepaid SBP rate.
CREATE TABLE service_rates (
    service_code   TEXT NOT NULL REFERENCES services (code) ON DELETE CASCADE,
    currency       TEXT NOT NULL CHECK (currency IN ('PLN', 'CZK', 'EUR')),
    pay_rate_minor INTEGER NOT NULL CHECK (pay_rate_minor >= 0),
    sbp_rate_minor INTEGER NOT NULL CHECK (sbp_rate_minor >= 0),
    PRIMARY KEY (service_code, currency)
) WITHOUT ROWID;

-- What each level includes.
CREATE TABLE level_services (
    level        TEXT NOT NULL CHECK (level IN ('alc', 'pay', 'sbp', 'sla')),
    service_code TEXT NOT NULL REFERENCES services (code) ON DELETE CASCADE,
    PRIMARY KEY (level, service_code)
) WITHOUT ROWID;

CREATE TABLE courses (
    id               INTEGER PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE,
    title            TEXT NOT NULL,
    product          TEXT NOT NULL,
    days             INTEGER NOT NULL CHECK (days > 0),
    max_participants INTEGER NOT NULL CHECK (max_participants > 0)
);

CREATE TABLE course_prices (
    course_id                   INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    currency                    TEXT NOT NULL CHECK (currency IN ('PLN', 'CZK', 'EUR')),
    price_per_participant_minor INTEGER NOT NULL CHECK (price_per_participant_minor >= 0),
    PRIMARY KEY (course_id, currency)
) WITHOUT ROWID;

CREATE TABLE course_dates (
    id         INTEGER PRIMARY KEY,
    course_id  INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    starts_on  TEXT NOT NULL,
    ends_on    TEXT NOT NULL,
    location   TEXT NOT NULL CHECK (location IN ('training_room', 'customer_site', 'online')),
    seats_left INTEGER NOT NULL CHECK (seats_left >= 0),
    CHECK (starts_on <= ends_on)
);
CREATE INDEX course_dates_course ON course_dates (course_id, starts_on);
