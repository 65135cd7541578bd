//! The scale customer's data (`reset-demo --scale`): 2 000 requests over two years and
//! exactly 10 000 ledger entries, for benchmarks. Written with prepared statements inside
//! the seed's one transaction; the ledger follows the same rules as everywhere (blocks
//! consumed oldest first, expiries written off, running balance checked by the schema's
//! triggers), but is simulated in memory instead of querying the blocks per debit.

use rusqlite::params;
use support_api::catalog::{BilledAs, ServiceCode};
use support_api::credit::LedgerKind;
use support_api::money::Currency;
use support_api::plan::Priority;
use support_api::requests::{RequestDetails, RequestStatus, RequestType};
use time::Date;

use super::error::SeedError;
use super::seeder::Seeder;
use super::story::Person;
use crate::billing::hourly;
use crate::db::catalog::rates;
use crate::db::codec::Code;
use crate::db::ledger::{self, NewEntry};
use crate::time_util::{add_days, day_of, format_day, start_of_day};

pub const REQUESTS: usize = 2_000;
pub const LEDGER_ENTRIES: usize = 10_000;
/// The most recent requests are still open.
const OPEN: usize = 150;
const DAY: i64 = 86_400;
const HOUR: i64 = 3_600;

const TOPICS: [&str; 12] = [
    "CATIA licence server",
    "SOLIDWORKS drawing template",
    "PDM vault permissions",
    "ENOVIA change workflow",
    "Robot cell fixtures",
    "NC programme export",
    "Large assembly performance",
    "Sheet metal flanges",
    "3DEXPERIENCE dashboard",
    "Class-A surface quality",
    "Weldment cut lists",
    "Toolbox library",
];

const TYPES: [RequestType; 6] = [
    RequestType::RemoteService,
    RequestType::OnsiteService,
    RequestType::MacroDevelopment,
    RequestType::ReinstallationAdmin,
    RequestType::ProcessAnalysis,
    RequestType::Hotline,
];

struct Planned {
    id: i64,
    created: i64,
    status: RequestStatus,
    paid: bool,
    rate: i64,
    service: ServiceCode,
}

struct Block {
    id: i64,
    bought: Date,
    expires: Date,
    remaining: i64,
    expired: bool,
}

struct Ledger<'a> {
    s: &'a Seeder<'a>,
    customer: i64,
    blocks: Vec<Block>,
    entries: usize,
}

impl Ledger<'_> {
    fn entry(&mut self, e: NewEntry<'_>) -> Result<(), SeedError> {
        ledger::append(self.s.conn(), &e)?;
        self.entries += 1;
        Ok(())
    }

    fn expire(&mut self, at: i64) -> Result<(), SeedError> {
        let today = day_of(at);
        for i in 0..self.blocks.len() {
            let b = &self.blocks[i];
            if b.expired || b.expires >= today {
                continue;
            }
            let (id, remaining, lapse) = (b.id, b.remaining, add_days(b.expires, 1));
            self.blocks[i].expired = true;
            self.blocks[i].remaining = 0;
            if remaining > 0 && self.entries < LEDGER_ENTRIES {
                self.entry(NewEntry {
                    customer_id: self.customer,
                    at: start_of_day(lapse),
                    kind: LedgerKind::Expiry,
                    amount: -remaining,
                    block_id: id,
                    service: None,
                    request_id: None,
                    event_id: None,
                    minutes: None,
                    note: None,
                })?;
            }
        }
        Ok(())
    }

    fn top_up(&mut self, at: i64, amount: i64, valid_days: i64) -> Result<(), SeedError> {
        self.expire(at)?;
        let bought = day_of(at);
        let expires = add_days(bought, valid_days - 1);
        self.s.conn().execute(
            "INSERT INTO prepaid_blocks (customer_id, bought_on, expires_on, amount_minor)
             VALUES (?1, ?2, ?3, ?4)",
            params![
                self.customer,
                format_day(bought),
                format_day(expires),
                amount
            ],
        )?;
        let id = self.s.conn().last_insert_rowid();
        self.blocks.push(Block {
            id,
            bought,
            expires,
            remaining: amount,
            expired: false,
        });
        self.entry(NewEntry {
            customer_id: self.customer,
            at,
            kind: LedgerKind::TopUp,
            amount,
            block_id: id,
            service: None,
            request_id: None,
            event_id: None,
            minutes: None,
            note: None,
        })
    }

    /// How the debit would split over the blocks, oldest first, within the entry cap.
    fn plan_debit(&mut self, at: i64, amount: i64) -> Result<Vec<(usize, i64)>, SeedError> {
        self.expire(at)?;
        let today = day_of(at);
        let mut parts = Vec::new();
        let mut left = amount;
        for (i, b) in self.blocks.iter().enumerate() {
            if left == 0 || self.entries + parts.len() >= LEDGER_ENTRIES {
                break;
            }
            if b.expired || b.remaining == 0 || b.bought > today {
                continue;
            }
            let take = left.min(b.remaining);
            parts.push((i, take));
            left -= take;
        }
        Ok(parts)
    }
}

pub fn history(s: &Seeder, customer: i64) -> Result<(), SeedError> {
    let admin = Person::find(s, "admin@scale.demo")?;
    let conn = s.conn();
    let now = s.now();
    let start = now - 730 * DAY;
    let span = now - 2 * HOUR - start;

    let mut insert = conn.prepare(
        "INSERT INTO requests (customer_id, requested_by, type, title, description, priority,
             details, status, billed_as, billing, rate_minor, rate_unit, estimate_minor,
             estimate_minutes, created_at, scheduled_for)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'hourly', ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    let mut status_event = conn.prepare(
        "INSERT INTO request_events (request_id, at, kind, by_user_id, by_name, staff,
                                     from_status, to_status)
         VALUES (?1, ?2, 'status', ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut time_event = conn.prepare(
        "INSERT INTO request_events (request_id, at, kind, by_name, staff, minutes,
                                     charged_minor, debited_minor, invoiced_minor)
         VALUES (?1, ?2, 'time', 'Support team', 1, ?3, ?4, ?5, ?6)",
    )?;
    let staff = "Support team";
    let mut status =
        |id: i64, at: i64, from: Option<RequestStatus>, to: RequestStatus, by_admin: bool| {
            let (user, name) = if by_admin {
                (Some(admin.id), admin.name.as_str())
            } else {
                (None, staff)
            };
            status_event.execute(params![
                id,
                at,
                user,
                name,
                !by_admin,
                from.map(Code),
                Code(to)
            ])
        };

    // The requests, oldest first, with their status history.
    let mut planned = Vec::with_capacity(REQUESTS);
    for i in 0..REQUESTS {
        let created = start + span * i as i64 / REQUESTS as i64;
        let request_type = TYPES[i % TYPES.len()];
        let service = request_type.service().unwrap_or(ServiceCode::RemoteService);
        let (_, _, sbp) = rates(conn, service, Currency::Czk)?;
        let paid = request_type != RequestType::Hotline;
        let state = if i >= REQUESTS - OPEN {
            [
                RequestStatus::Submitted,
                RequestStatus::Scheduled,
                RequestStatus::InProgress,
                RequestStatus::InProgress,
            ][i % 4]
        } else if i % 25 == 3 {
            RequestStatus::Cancelled
        } else {
            RequestStatus::Closed
        };
        let priority = [
            Priority::Normal,
            Priority::High,
            Priority::Low,
            Priority::Normal,
            Priority::Critical,
        ][i % 5];
        let expected = 240 + (i as u32 % 5) * 60;
        let details = match request_type {
            RequestType::Hotline => RequestDetails::Hotline {},
            RequestType::OnsiteService => RequestDetails::OnsiteService {
                site_address: "Tovární 1, 110 00 Praha".into(),
                preferred_dates: vec![format_day(day_of(created + 7 * DAY))],
                expected_minutes: Some(expected),
            },
            RequestType::RemoteService => RequestDetails::RemoteService {
                window_from: crate::time_util::format_instant(created + DAY)?,
                window_to: crate::time_util::format_instant(created + DAY + 4 * HOUR)?,
                expected_minutes: Some(expected),
            },
            RequestType::MacroDevelopment => RequestDetails::MacroDevelopment {
                expected_minutes: Some(expected),
            },
            RequestType::ReinstallationAdmin => RequestDetails::ReinstallationAdmin {
                expected_minutes: Some(expected),
            },
            _ => RequestDetails::ProcessAnalysis {
                expected_minutes: Some(expected),
            },
        };
        let details =
            serde_json::to_string(&details).map_err(|e| SeedError::Step(e.to_string()))?;
        let title = format!("{} — request {}", TOPICS[i % TOPICS.len()], i + 1);
        let (billed_as, rate, unit, estimate, minutes) = if paid {
            (
                BilledAs::SbpCredit,
                Some(sbp),
                Some("hour"),
                Some(hourly(sbp, expected)),
                Some(expected),
            )
        } else {
            (BilledAs::AlcIncluded, None, None, None, None)
        };
        let scheduled_for =
            (state == RequestStatus::Scheduled).then(|| format_day(day_of(now + 5 * DAY)));
        insert.execute(params![
            customer,
            admin.id,
            Code(request_type),
            title,
            "Generated for the scale benchmark.",
            Code(priority),
            details,
            Code(state),
            Code(billed_as),
            rate,
            unit,
            estimate,
            minutes,
            created,
            scheduled_for,
        ])?;
        let id = conn.last_insert_rowid();
        status(id, created, None, RequestStatus::Submitted, true)?;
        match state {
            RequestStatus::Cancelled => {
                status(
                    id,
                    created + 2 * HOUR,
                    Some(RequestStatus::Submitted),
                    state,
                    true,
                )?;
            }
            RequestStatus::Scheduled => {
                status(
                    id,
                    created + HOUR,
                    Some(RequestStatus::Submitted),
                    state,
                    false,
                )?;
            }
            RequestStatus::InProgress => {
                status(
                    id,
                    created + HOUR,
                    Some(RequestStatus::Submitted),
                    state,
                    false,
                )?;
            }
            RequestStatus::Closed => {
                status(
                    id,
                    created + HOUR,
                    Some(RequestStatus::Submitted),
                    RequestStatus::InProgress,
                    false,
                )?;
                status(
                    id,
                    created + 24 * HOUR,
                    Some(RequestStatus::InProgress),
                    RequestStatus::Resolved,
                    false,
                )?;
                status(
                    id,
                    created + 48 * HOUR,
                    Some(RequestStatus::Resolved),
                    RequestStatus::Closed,
                    false,
                )?;
            }
            _ => {}
        }
        planned.push(Planned {
            id,
            created,
            status: state,
            paid,
            rate: sbp,
            service,
        });
    }

    // What moves credit, in time order: monthly blocks, five logs per finished request,
    // and a log every 36 hours on the requests in progress.
    enum Action {
        TopUp,
        Log(usize, u32),
    }
    let mut actions: Vec<(i64, Action)> = Vec::new();
    let mut month = start - 10 * DAY;
    while month < now - DAY {
        actions.push((month, Action::TopUp));
        month += 30 * DAY;
    }
    for (i, p) in planned.iter().enumerate() {
        match p.status {
            RequestStatus::Closed => {
                for k in 1..=5u32 {
                    let minutes = 15 + (i as u32 * 37 + k * 11) % 76;
                    actions.push((p.created + i64::from(k) * 4 * HOUR, Action::Log(i, minutes)));
                }
            }
            RequestStatus::InProgress => {
                let mut at = p.created + 2 * HOUR;
                while at < now - 2 * HOUR {
                    actions.push((at, Action::Log(i, 30 + (i as u32 % 4) * 15)));
                    at += 36 * HOUR;
                }
            }
            _ => {}
        }
    }
    actions.sort_by_key(|(at, _)| *at);

    let mut book = Ledger {
        s,
        customer,
        blocks: Vec::new(),
        entries: 0,
    };
    let mut log =
        |book: &mut Ledger<'_>, at: i64, p: &Planned, minutes: u32| -> Result<(), SeedError> {
            let charge = p.paid.then(|| hourly(p.rate, minutes));
            let parts = match charge {
                Some(charge) => book.plan_debit(at, charge)?,
                None => Vec::new(),
            };
            let debited: i64 = parts.iter().map(|(_, take)| take).sum();
            time_event.execute(params![
                p.id,
                at,
                minutes,
                charge,
                charge.map(|_| debited),
                charge.filter(|c| *c > debited).map(|c| c - debited)
            ])?;
            let event_id = conn.last_insert_rowid();
            for (n, &(block, take)) in parts.iter().enumerate() {
                book.blocks[block].remaining -= take;
                let id = book.blocks[block].id;
                book.entry(NewEntry {
                    customer_id: customer,
                    at,
                    kind: LedgerKind::Debit,
                    amount: -take,
                    block_id: id,
                    service: Some(p.service),
                    request_id: Some(p.id),
                    event_id: Some(event_id),
                    minutes: (n == 0).then_some(minutes),
                    note: None,
                })?;
            }
            Ok(())
        };
    for (at, action) in actions {
        if book.entries >= LEDGER_ENTRIES {
            break;
        }
        match action {
            Action::TopUp => book.top_up(at, 500_000 * 100, 180)?,
            Action::Log(i, minutes) => log(&mut book, at, &planned[i], minutes)?,
        }
    }
    // Fill up to the exact count with short logs on the newest request in progress, in
    // the last hour before the seed time.
    let newest = planned
        .iter()
        .rev()
        .find(|p| p.status == RequestStatus::InProgress && p.paid)
        .ok_or_else(|| SeedError::Step("no request in progress".into()))?;
    let mut at = now - HOUR;
    while book.entries < LEDGER_ENTRIES {
        log(&mut book, at, newest, 15)?;
        at += 10;
    }
    if book.entries != LEDGER_ENTRIES {
        return Err(SeedError::Step(format!("{} ledger entries", book.entries)));
    }
    Ok(())
}
