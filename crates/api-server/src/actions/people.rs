//! A company admin's changes to its people: invitations, roles, deactivation, a lost
//! authenticator app's two-step sign-in turned off. Each runs
//! in the caller's write transaction with its entry in the record of changes (and its
//! mail), and keeps the company's last active admin an active admin.

use rusqlite::Connection;
use support_api::people::{ChangeKind, INVITATION_DAYS, Invitation, Person, PersonStatus};
use support_api::session::Role;

use super::mail_links;
use crate::auth::token;
use crate::db::people::{self as stored, Change, Purpose};
use crate::db::{sessions, two_step};
use crate::error::ApiError;
use crate::mail::{self, Letter, MailKind};

/// The admin making a change: the company it may change, who it is, and its name for the
/// record.
pub struct Admin {
    pub customer_id: i64,
    pub user_id: i64,
    pub name: String,
}

/// Invites `body`'s person with the single-use `secret` of the invitation's link.
pub fn invite(
    tx: &Connection,
    who: &Admin,
    body: &Invitation,
    secret: &str,
    now: i64,
) -> Result<Person, ApiError> {
    let email = body.email.trim().to_lowercase();
    if stored::email_taken(tx, &email)? {
        return Err(ApiError::Conflict(
            "This address already has an account.".into(),
        ));
    }
    let id = stored::insert_invited(tx, who.customer_id, &email, body.name.trim(), body.role)?;
    stored::set_language(tx, id, Some(body.language))?;
    send_invitation(tx, who, id, secret, now)?;
    let person = stored::find(tx, who.customer_id, id)?;
    record(tx, who, ChangeKind::Invited, &person, Some(body.role), now)?;
    Ok(person)
}

/// A new link for an invitation not yet accepted; the old one stops working.
pub fn resend_invitation(
    tx: &Connection,
    who: &Admin,
    id: i64,
    secret: &str,
    now: i64,
) -> Result<Person, ApiError> {
    let person = stored::find(tx, who.customer_id, id)?;
    expect_status(&person, PersonStatus::Invited)?;
    send_invitation(tx, who, id, secret, now)?;
    record(tx, who, ChangeKind::InvitationResent, &person, None, now)?;
    stored::find(tx, who.customer_id, id)
}

pub fn revoke_invitation(tx: &Connection, who: &Admin, id: i64, now: i64) -> Result<(), ApiError> {
    let person = stored::find(tx, who.customer_id, id)?;
    expect_status(&person, PersonStatus::Invited)?;
    // The invited user never signed in and owns nothing: the row and its token go.
    stored::delete_invited(tx, id)?;
    record(tx, who, ChangeKind::InvitationRevoked, &person, None, now)
}

pub fn change_role(
    tx: &Connection,
    who: &Admin,
    id: i64,
    role: Role,
    now: i64,
) -> Result<Person, ApiError> {
    let person = stored::find(tx, who.customer_id, id)?;
    if person.role == role {
        return Ok(person);
    }
    if role == Role::Member {
        keep_an_admin(tx, who, &person)?;
    }
    stored::set_role(tx, id, role)?;
    record(tx, who, ChangeKind::RoleChanged, &person, Some(role), now)?;
    stored::find(tx, who.customer_id, id)
}

pub fn deactivate(tx: &Connection, who: &Admin, id: i64, now: i64) -> Result<Person, ApiError> {
    let person = stored::find(tx, who.customer_id, id)?;
    expect_status(&person, PersonStatus::Active)?;
    keep_an_admin(tx, who, &person)?;
    stored::set_status(tx, id, PersonStatus::Deactivated)?;
    // Their sessions end now, not when they expire.
    sessions::delete_for_user(tx, id, None)?;
    record(tx, who, ChangeKind::Deactivated, &person, None, now)?;
    stored::find(tx, who.customer_id, id)
}

pub fn reactivate(tx: &Connection, who: &Admin, id: i64, now: i64) -> Result<Person, ApiError> {
    let person = stored::find(tx, who.customer_id, id)?;
    expect_status(&person, PersonStatus::Deactivated)?;
    stored::set_status(tx, id, PersonStatus::Active)?;
    record(tx, who, ChangeKind::Reactivated, &person, None, now)?;
    stored::find(tx, who.customer_id, id)
}

/// Turns off the two-step sign-in of someone who lost their authenticator app (and their
/// recovery codes): their sessions end, they sign in with their password alone and may
/// set it up again (at once, if the company requires it), and a mail tells them who did
/// it. Not for the admin's own: they are signed in with it. Nothing to do without it on.
pub fn reset_two_step(tx: &Connection, who: &Admin, id: i64, now: i64) -> Result<Person, ApiError> {
    let person = stored::find(tx, who.customer_id, id)?;
    if id == who.user_id {
        return Err(ApiError::Conflict(
            "Your own two-step sign-in is not reset from the People page.".into(),
        ));
    }
    if !person.two_step {
        return Ok(person);
    }
    two_step::reset(tx, id)?;
    // A session on the lost phone must not outlive the factor it was opened with.
    sessions::delete_for_user(tx, id, None)?;
    let letter = Letter {
        kind: MailKind::TwoStepReset,
        to_user: id,
        request_id: None,
        link: "/account".to_owned(),
        vars: vec![("by", who.name.clone())],
    };
    mail::enqueue(tx, &letter, now)?;
    record(tx, who, ChangeKind::TwoStepReset, &person, None, now)?;
    stored::find(tx, who.customer_id, id)
}

fn record(
    tx: &Connection,
    who: &Admin,
    kind: ChangeKind,
    person: &Person,
    role: Option<Role>,
    now: i64,
) -> Result<(), ApiError> {
    stored::record(
        tx,
        &Change {
            customer_id: who.customer_id,
            at: now,
            kind,
            actor: &who.name,
            person,
            role,
        },
    )?;
    Ok(())
}

/// A new invitation token for `user_id`, valid 7 days, and its mail.
fn send_invitation(
    tx: &Connection,
    who: &Admin,
    user_id: i64,
    secret: &str,
    now: i64,
) -> Result<(), ApiError> {
    let expires_at = now + INVITATION_DAYS * 24 * 3600;
    stored::issue_token(
        tx,
        user_id,
        Purpose::Invitation,
        &token::hash(secret),
        now,
        expires_at,
    )?;
    mail_links::invitation(tx, user_id, &who.name, secret, now)
}

fn expect_status(person: &Person, status: PersonStatus) -> Result<(), ApiError> {
    if person.status == status {
        Ok(())
    } else {
        Err(ApiError::Conflict(format!(
            "Not possible while the person is {:?}.",
            person.status
        )))
    }
}

/// Refuses to take the role or the account of the company's last active admin.
fn keep_an_admin(tx: &Connection, who: &Admin, person: &Person) -> Result<(), ApiError> {
    let losing_an_admin = person.role == Role::Admin && person.status == PersonStatus::Active;
    if losing_an_admin && stored::active_admins(tx, who.customer_id)? <= 1 {
        return Err(ApiError::Conflict(
            "The company's last active admin must stay an active admin.".into(),
        ));
    }
    Ok(())
}
