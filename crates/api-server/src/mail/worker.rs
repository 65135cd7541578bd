//! The sending side of the outbox, a task of `serve`: it sends due mails one by one,
//! marks each sent as soon as the SMTP server accepted it, and retries failures with a
//! doubling wait; every minute it also runs the checks of [`super::checks`].
//!
//! Nothing is lost: a mail is in the database before the event that caused it is
//! answered, and stays unsent until the SMTP server accepted it. Nothing is sent twice,
//! except in one narrow case: the server crashes after the SMTP server accepted a mail
//! and before the next statement, which marks it sent, commits. Then the mail goes again
//! after its backoff, with the same Message-ID, so the receiving side can recognise it.
//! SMTP has no way to ask "did you take this one?", so at-least-once is what any outbox
//! over SMTP can promise; the window is one local SQLite commit wide.

use std::time::Duration;

use super::checks::{self, Mode};
use super::queue::{self, Outgoing};
use super::sender::{Failure, Sender};
use super::settings::MailSettings;
use crate::db::Db;
use crate::error::{ApiError, Chain};
use crate::time_util::now_unix;

/// How often the worker looks for due mail when it has none (mails recorded by the
/// staff command line come from another process, so it cannot be woken).
const POLL: Duration = Duration::from_secs(1);
/// How often the periodic checks run.
const CHECK_EVERY_SECONDS: i64 = 60;

/// Starts the worker on the current runtime. A sender that cannot be built (a bad TLS
/// host) is logged and leaves mails in the outbox.
pub fn spawn(db: Db, settings: MailSettings) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        match Sender::new(&settings) {
            Ok(sender) => run(db, sender, settings.mail_retry_max_seconds).await,
            Err(err) => tracing::error!(%err, "mail is not sent: the SMTP settings are unusable"),
        }
    })
}

async fn run(db: Db, sender: Sender, retry_max_seconds: u32) {
    let mut next_check = 0;
    loop {
        let now = now_unix();
        if now >= next_check {
            next_check = now + CHECK_EVERY_SECONDS;
            if let Err(err) = db.write(move |c| checks::run(c, now, Mode::Mail)).await {
                tracing::error!(cause = %Chain(&err), "mail checks failed");
            }
        }
        match send_next(&db, &sender, retry_max_seconds).await {
            Ok(true) => {}
            Ok(false) => tokio::time::sleep(POLL).await,
            Err(err) => {
                tracing::error!(cause = %Chain(&err), "outbox");
                tokio::time::sleep(POLL).await;
            }
        }
    }
}

/// Sends the next due mail; false when there was none, or it failed (then the worker
/// pauses: the SMTP server is likely down, and the mail waits for its backoff anyway).
async fn send_next(db: &Db, sender: &Sender, retry_max_seconds: u32) -> Result<bool, ApiError> {
    let now = now_unix();
    let Some(mail) = db
        .write(move |c| queue::claim_next(c, now, retry_max_seconds))
        .await?
    else {
        return Ok(false);
    };
    match sender.send(&mail).await {
        Ok(()) => {
            let id = mail.id;
            db.write(move |c| queue::mark_sent(c, id, now_unix()))
                .await?;
            tracing::info!(id, message_id = %mail.message_id, "mail sent");
            Ok(true)
        }
        Err(failure) => {
            failed(db, &mail, &failure).await?;
            Ok(false)
        }
    }
}

async fn failed(db: &Db, mail: &Outgoing, failure: &Failure) -> Result<(), ApiError> {
    let (error, permanent) = match failure {
        Failure::Transient(error) => (error.clone(), false),
        Failure::Permanent(error) => (error.clone(), true),
    };
    tracing::warn!(id = mail.id, attempt = mail.attempt, permanent, %error, "mail not sent");
    let id = mail.id;
    db.write(move |c| queue::mark_failed(c, id, &error)).await
}
