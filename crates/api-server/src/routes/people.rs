//! `/people`: a company admin's view of its people, invitations, roles, deactivation and
//! the record of changes. A member (or another company's admin naming a foreign id) gets
//! 404 from every one of these, as if they did not exist. Every change runs in one write
//! transaction with its entry in the record (and its mail).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use rusqlite::Connection;
use support_api::people::{
    ChangeKind, INVITATION_DAYS, Invitation, Person, PersonChangeList, PersonList, PersonStatus,
    RoleChange,
};
use support_api::session::Role;

use crate::auth::current::{CurrentSession, SessionToken};
use crate::auth::token;
use crate::db::people::{self as stored, Change, Purpose};
use crate::db::{sessions, two_step};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::json::Json;
use crate::routes::mail_links;
use crate::state::AppState;
use crate::time_util::now_unix;

/// Who may manage people: the company's admins. Anyone else is told nothing is here.
struct Admin {
    customer_id: i64,
    name: String,
}

fn admin(session: &CurrentSession) -> Result<Admin, ApiError> {
    match session.user.role {
        Role::Admin => Ok(Admin {
            customer_id: session.customer.id,
            name: session.user.name.clone(),
        }),
        Role::Member => Err(ApiError::NotFound),
    }
}

/// A path id; anything that is not one is a person that does not exist.
fn person_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(ApiError::NotFound)
}

pub async fn list_people(
    State(state): State<AppState>,
    token: SessionToken,
) -> Result<Json<PersonList>, ApiError> {
    let list = state
        .db
        .read(move |conn| {
            let who = admin(&token.resolve(conn)?)?;
            Ok(PersonList {
                items: stored::list(conn, who.customer_id)?,
                two_step_required: two_step::required(conn, who.customer_id)?,
            })
        })
        .await?;
    Ok(Json(list))
}

pub async fn list_changes(
    State(state): State<AppState>,
    token: SessionToken,
) -> Result<Json<PersonChangeList>, ApiError> {
    let items = state
        .db
        .read(move |conn| {
            let who = admin(&token.resolve(conn)?)?;
            stored::changes(conn, who.customer_id)
        })
        .await?;
    Ok(Json(PersonChangeList { items }))
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

pub async fn invite(
    State(state): State<AppState>,
    session: CurrentSession,
    ApiJson(body): ApiJson<Invitation>,
) -> Result<Response, ApiError> {
    let who = admin(&session)?;
    body.validate()?;
    let secret = token::random()?;
    let now = now_unix();
    let person = state
        .db
        .write(move |tx| {
            let email = body.email.trim().to_lowercase();
            if stored::email_taken(tx, &email)? {
                return Err(ApiError::Conflict(
                    "This address already has an account.".into(),
                ));
            }
            let id =
                stored::insert_invited(tx, who.customer_id, &email, body.name.trim(), body.role)?;
            stored::set_language(tx, id, Some(body.language))?;
            send_invitation(tx, &who, id, &secret, now)?;
            let person = stored::find(tx, who.customer_id, id)?;
            record(tx, &who, ChangeKind::Invited, &person, Some(body.role), now)?;
            Ok(person)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(person)).into_response())
}

pub async fn resend_invitation(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(id): Path<String>,
) -> Result<Json<Person>, ApiError> {
    let who = admin(&session)?;
    let id = person_id(&id)?;
    let secret = token::random()?;
    let now = now_unix();
    let person = state
        .db
        .write(move |tx| {
            let person = stored::find(tx, who.customer_id, id)?;
            expect_status(&person, PersonStatus::Invited)?;
            send_invitation(tx, &who, id, &secret, now)?;
            record(tx, &who, ChangeKind::InvitationResent, &person, None, now)?;
            stored::find(tx, who.customer_id, id)
        })
        .await?;
    Ok(Json(person))
}

pub async fn revoke_invitation(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let who = admin(&session)?;
    let id = person_id(&id)?;
    let now = now_unix();
    state
        .db
        .write(move |tx| {
            let person = stored::find(tx, who.customer_id, id)?;
            expect_status(&person, PersonStatus::Invited)?;
            // The invited user never signed in and owns nothing: the row and its token go.
            stored::delete_invited(tx, id)?;
            record(tx, &who, ChangeKind::InvitationRevoked, &person, None, now)
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn change_role(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<RoleChange>,
) -> Result<Json<Person>, ApiError> {
    let who = admin(&session)?;
    let id = person_id(&id)?;
    let now = now_unix();
    let person = state
        .db
        .write(move |tx| {
            let person = stored::find(tx, who.customer_id, id)?;
            if person.role == body.role {
                return Ok(person);
            }
            if body.role == Role::Member {
                keep_an_admin(tx, &who, &person)?;
            }
            stored::set_role(tx, id, body.role)?;
            record(
                tx,
                &who,
                ChangeKind::RoleChanged,
                &person,
                Some(body.role),
                now,
            )?;
            stored::find(tx, who.customer_id, id)
        })
        .await?;
    Ok(Json(person))
}

pub async fn deactivate(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(id): Path<String>,
) -> Result<Json<Person>, ApiError> {
    let who = admin(&session)?;
    let id = person_id(&id)?;
    let now = now_unix();
    let person = state
        .db
        .write(move |tx| {
            let person = stored::find(tx, who.customer_id, id)?;
            expect_status(&person, PersonStatus::Active)?;
            keep_an_admin(tx, &who, &person)?;
            stored::set_status(tx, id, PersonStatus::Deactivated)?;
            // Their sessions end now, not when they expire.
            sessions::delete_for_user(tx, id, None)?;
            record(tx, &who, ChangeKind::Deactivated, &person, None, now)?;
            stored::find(tx, who.customer_id, id)
        })
        .await?;
    Ok(Json(person))
}

pub async fn reactivate(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(id): Path<String>,
) -> Result<Json<Person>, ApiError> {
    let who = admin(&session)?;
    let id = person_id(&id)?;
    let now = now_unix();
    let person = state
        .db
        .write(move |tx| {
            let person = stored::find(tx, who.customer_id, id)?;
            expect_status(&person, PersonStatus::Deactivated)?;
            stored::set_status(tx, id, PersonStatus::Active)?;
            record(tx, &who, ChangeKind::Reactivated, &person, None, now)?;
            stored::find(tx, who.customer_id, id)
        })
        .await?;
    Ok(Json(person))
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
