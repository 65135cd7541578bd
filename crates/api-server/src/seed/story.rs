//! A customer's history as a list of dated steps (top-ups, requests, approvals, staff
//! work, adjustments), played in time order through the same actions the server and the
//! staff commands use. The ledger, the timelines and the SLA times therefore follow the
//! real rules: blocks consumed oldest first, expiries written when due, debits linked to
//! their time logs.

use std::collections::HashMap;

use support_api::money::Currency;
use support_api::requests::{Decision, NewComment, NewRequest};
use support_api::resolution::NewRating;
use support_api::session::Role;
use time::Date;

use super::error::SeedError;
use super::seeder::Seeder;
use crate::actions::closing;
use crate::actions::customer::{self, Requester};
use crate::actions::staff::{self, DEFAULT_STAFF_NAME};
use crate::actions::staff_closing;
use crate::db::ledger;
use crate::db::requests::Actor;
use crate::time_util::{add_days, day_of};

/// A user of the customer, as the seed acts for them.
#[derive(Clone, Debug)]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub role: Role,
}

impl Person {
    pub fn find(s: &Seeder, email: &str) -> Result<Self, SeedError> {
        let (id, name, role) = s.person(email)?;
        Ok(Person { id, name, role })
    }
}

enum Step {
    TopUp {
        major: i64,
        valid_days: i64,
    },
    Create {
        key: &'static str,
        who: Person,
        new: Box<NewRequest>,
    },
    Approve {
        key: &'static str,
        who: Person,
    },
    Decline {
        key: &'static str,
        who: Person,
        reason: &'static str,
    },
    Cancel {
        key: &'static str,
        who: Person,
    },
    Comment {
        key: &'static str,
        who: Person,
        text: &'static str,
    },
    StaffComment {
        key: &'static str,
        text: &'static str,
    },
    Schedule {
        key: &'static str,
        day: Date,
    },
    Log {
        key: &'static str,
        minutes: u32,
        note: Option<&'static str>,
    },
    Resolve {
        key: &'static str,
    },
    Close {
        key: &'static str,
    },
    Adjust {
        major: i64,
        note: &'static str,
    },
    Rate {
        key: &'static str,
        who: Person,
        score: u8,
        comment: Option<&'static str>,
    },
    Quote {
        key: &'static str,
        major: i64,
        valid_days: i64,
        text: &'static str,
    },
    Escalate {
        key: &'static str,
        reference: &'static str,
    },
}

pub struct Story<'s, 'c> {
    s: &'s Seeder<'c>,
    customer_id: i64,
    currency: Currency,
    steps: Vec<(i64, Step)>,
}

impl<'s, 'c> Story<'s, 'c> {
    pub fn new(s: &'s Seeder<'c>, customer_id: i64, currency: Currency) -> Self {
        Story {
            s,
            customer_id,
            currency,
            steps: Vec::new(),
        }
    }

    fn push(&mut self, at: i64, step: Step) -> &mut Self {
        self.steps.push((at, step));
        self
    }

    /// A prepaid block of `major` units bought at `at`, valid for `valid_days` days.
    pub fn top_up(&mut self, at: i64, major: i64, valid_days: i64) -> &mut Self {
        self.push(at, Step::TopUp { major, valid_days })
    }

    pub fn create(
        &mut self,
        at: i64,
        key: &'static str,
        who: &Person,
        new: NewRequest,
    ) -> &mut Self {
        self.push(
            at,
            Step::Create {
                key,
                who: who.clone(),
                new: Box::new(new),
            },
        )
    }

    pub fn approve(&mut self, at: i64, key: &'static str, who: &Person) -> &mut Self {
        self.push(
            at,
            Step::Approve {
                key,
                who: who.clone(),
            },
        )
    }

    pub fn decline(
        &mut self,
        at: i64,
        key: &'static str,
        who: &Person,
        reason: &'static str,
    ) -> &mut Self {
        self.push(
            at,
            Step::Decline {
                key,
                who: who.clone(),
                reason,
            },
        )
    }

    pub fn cancel(&mut self, at: i64, key: &'static str, who: &Person) -> &mut Self {
        self.push(
            at,
            Step::Cancel {
                key,
                who: who.clone(),
            },
        )
    }

    pub fn comment(
        &mut self,
        at: i64,
        key: &'static str,
        who: &Person,
        text: &'static str,
    ) -> &mut Self {
        self.push(
            at,
            Step::Comment {
                key,
                who: who.clone(),
                text,
            },
        )
    }

    pub fn staff_comment(&mut self, at: i64, key: &'static str, text: &'static str) -> &mut Self {
        self.push(at, Step::StaffComment { key, text })
    }

    pub fn schedule(&mut self, at: i64, key: &'static str, day: Date) -> &mut Self {
        self.push(at, Step::Schedule { key, day })
    }

    pub fn log(
        &mut self,
        at: i64,
        key: &'static str,
        minutes: u32,
        note: Option<&'static str>,
    ) -> &mut Self {
        self.push(at, Step::Log { key, minutes, note })
    }

    pub fn resolve(&mut self, at: i64, key: &'static str) -> &mut Self {
        self.push(at, Step::Resolve { key })
    }

    pub fn close(&mut self, at: i64, key: &'static str) -> &mut Self {
        self.push(at, Step::Close { key })
    }

    pub fn adjust(&mut self, at: i64, major: i64, note: &'static str) -> &mut Self {
        self.push(at, Step::Adjust { major, note })
    }

    pub fn rate(
        &mut self,
        at: i64,
        key: &'static str,
        who: &Person,
        score: u8,
        comment: Option<&'static str>,
    ) -> &mut Self {
        let who = who.clone();
        self.push(
            at,
            Step::Rate {
                key,
                who,
                score,
                comment,
            },
        )
    }

    /// The support team quotes `major` units, valid for `valid_days` days from the seed day.
    pub fn quote(
        &mut self,
        at: i64,
        key: &'static str,
        major: i64,
        valid_days: i64,
        text: &'static str,
    ) -> &mut Self {
        self.push(
            at,
            Step::Quote {
                key,
                major,
                valid_days,
                text,
            },
        )
    }

    pub fn escalate(&mut self, at: i64, key: &'static str, reference: &'static str) -> &mut Self {
        self.push(at, Step::Escalate { key, reference })
    }

    /// A finished request: made `days_ago` days before the seed day at 08:15 (approved by
    /// `approver` an hour later when it waits), with work logged `(days after, minutes)`,
    /// resolved the day after the last log and closed two days later.
    pub fn finished(
        &mut self,
        key: &'static str,
        who: &Person,
        approver: Option<&Person>,
        days_ago: i64,
        new: NewRequest,
        logs: &[(i64, u32)],
    ) -> &mut Self {
        let s = self.s;
        self.create(s.at(days_ago, 8, 15), key, who, new);
        if let Some(admin) = approver {
            self.approve(s.at(days_ago, 9, 15), key, admin);
        }
        let mut last = 0;
        for (i, &(after, minutes)) in (0i64..).zip(logs) {
            self.log(s.at(days_ago - after, 13, i % 40), key, minutes, None);
            last = last.max(after);
        }
        self.resolve(s.at(days_ago - last - 1, 10, 0), key);
        self.close(s.at(days_ago - last - 3, 10, 0), key)
    }

    /// Plays the steps in time order (steps at the same instant in the order given) and
    /// returns the ids of the requests by key. Writes off what expired by the seed time.
    pub fn play(&mut self) -> Result<HashMap<&'static str, i64>, SeedError> {
        let conn = self.s.conn();
        let staff_actor = Actor::staff(DEFAULT_STAFF_NAME);
        let mut steps = std::mem::take(&mut self.steps);
        steps.sort_by_key(|(at, _)| *at);
        let mut ids: HashMap<&'static str, i64> = HashMap::new();
        let id = |ids: &HashMap<&'static str, i64>, key: &str| {
            ids.get(key)
                .copied()
                .ok_or_else(|| SeedError::Step(format!("request {key} is used before it is made")))
        };
        let requester = |who: &Person| Requester {
            customer_id: self.customer_id,
            currency: self.currency,
            user_id: who.id,
            name: who.name.clone(),
            role: who.role,
        };
        for (at, step) in steps {
            debug_assert!(at <= self.s.now(), "a seeded step lies in the future");
            match step {
                Step::TopUp { major, valid_days } => {
                    let bought = day_of(at);
                    ledger::top_up(
                        conn,
                        self.customer_id,
                        major * 100,
                        bought,
                        add_days(bought, valid_days - 1),
                        at,
                        None,
                    )?;
                }
                Step::Create { key, who, new } => {
                    let request = customer::create(conn, &requester(&who), &new, at)?;
                    ids.insert(key, request);
                }
                Step::Approve { key, who } => {
                    let decision = Decision {
                        approve: true,
                        reason: None,
                    };
                    customer::decide(conn, &requester(&who), id(&ids, key)?, &decision, at)?;
                }
                Step::Decline { key, who, reason } => {
                    let decision = Decision {
                        approve: false,
                        reason: Some(reason.into()),
                    };
                    customer::decide(conn, &requester(&who), id(&ids, key)?, &decision, at)?;
                }
                Step::Cancel { key, who } => {
                    customer::cancel(conn, &requester(&who), id(&ids, key)?, at)?;
                }
                Step::Comment { key, who, text } => {
                    let body = NewComment {
                        text: text.into(),
                        files: Vec::new(),
                    };
                    customer::comment(conn, &requester(&who), id(&ids, key)?, &body, at)?;
                }
                Step::StaffComment { key, text } => {
                    staff::comment(conn, id(&ids, key)?, text, &staff_actor, at)?;
                }
                Step::Schedule { key, day } => {
                    staff::schedule(conn, id(&ids, key)?, Some(day), &staff_actor, at)?;
                }
                Step::Log { key, minutes, note } => {
                    staff::log_time(conn, id(&ids, key)?, minutes, note, &staff_actor, at)?;
                }
                Step::Resolve { key } => {
                    staff::resolve(conn, id(&ids, key)?, &staff_actor, at)?;
                }
                Step::Close { key } => {
                    staff::close(conn, id(&ids, key)?, &staff_actor, at)?;
                }
                Step::Adjust { major, note } => {
                    ledger::adjust(conn, self.customer_id, major * 100, at, note)?;
                }
                Step::Rate {
                    key,
                    who,
                    score,
                    comment,
                } => {
                    let body = NewRating {
                        score,
                        comment: comment.map(str::to_owned),
                    };
                    closing::rate(conn, &requester(&who), id(&ids, key)?, &body, at)?;
                }
                Step::Quote {
                    key,
                    major,
                    valid_days,
                    text,
                } => {
                    let until = self.s.days(valid_days);
                    let id = id(&ids, key)?;
                    staff_closing::quote(conn, id, major * 100, until, text, &staff_actor, at)?;
                }
                Step::Escalate { key, reference } => {
                    staff_closing::escalate(conn, id(&ids, key)?, reference, &staff_actor, at)?;
                }
            }
        }
        ledger::apply_expiries(conn, self.customer_id, self.s.now())?;
        Ok(ids)
    }
}
