//! The paths of people, accounts and the ways in without a session (invitation, reset),
//! merged into the document by [`super::document`].

use utoipa::OpenApi;

use super::{
    CsrfRefused, NotJson, PayloadTooLarge, Unauthenticated, Unprocessable, UnsupportedMediaType,
};
use crate::account::*;
use crate::people::*;
use crate::problem::Problem;
use crate::session::Session;
use crate::two_step::*;

#[derive(OpenApi)]
#[openapi(
    paths(
        list_people, invite, resend_invitation, revoke_invitation, change_role, deactivate,
        reactivate, reset_two_step, list_changes, get_account, update_account, change_password,
        list_sessions, end_other_sessions, request_reset, complete_reset, accept_invitation,
        begin_two_step, confirm_two_step, require_two_step,
    ),
    components(schemas(
        Person, PersonStatus, PersonList, Invitation, RoleChange, ChangeKind, PersonChange,
        PersonChangeList, Account, AccountUpdate, PasswordChange, SessionInfo, SessionList,
        ResetRequest, NewPassword, AcceptInvitation, TwoStepSetup, TwoStepCode, RecoveryCodes,
        TwoStepRequirement,
    )),
    tags((name = "people"), (name = "account"))
)]
pub(super) struct PeopleDoc;

/// The header of every call that changes something.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
struct Csrf {
    /// CSRF token from sign-in
    #[param(rename = "X-CSRF-Token")]
    token: String,
}

/// A member, another company's person, or nobody with that id: the same answer.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
enum NoSuchPerson {
    /// Not a company admin, or no such person in the caller's company
    #[response(status = 404, content_type = "application/problem+json")]
    Problem(Problem),
}

/// The last active admin cannot lose the role or be deactivated.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
enum LastAdmin {
    /// The change would leave the company without an active admin, or the person is not in a state that allows it
    #[response(status = 409, content_type = "application/problem+json")]
    Problem(Problem),
}

/// The company's people with status and last sign-in. Admins only.
#[utoipa::path(get, path = "/api/v1/people", tag = "people",
    responses(
        (status = 200, description = "The company's people", body = PersonList),
        Unauthenticated,
        NoSuchPerson,
    ))]
#[allow(dead_code)]
fn list_people() {}

/// Invites someone: creates an invited user and mails a link valid 7 days.
#[utoipa::path(post, path = "/api/v1/people", tag = "people", request_body = Invitation,
    params(Csrf),
    responses(
        (status = 201, description = "Invited", body = Person),
        NotJson,
        Unauthenticated,
        CsrfRefused,
        NoSuchPerson,
        (status = 409, description = "The address already has an account", body = Problem, content_type = "application/problem+json"),
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
    ))]
#[allow(dead_code)]
fn invite() {}

/// Mails a new invitation link (the old one stops working), valid 7 days from now.
#[utoipa::path(post, path = "/api/v1/people/{id}/invitation", tag = "people",
    params(("id" = i64, Path), Csrf),
    responses(
        (status = 200, description = "Sent again", body = Person),
        Unauthenticated,
        CsrfRefused,
        NoSuchPerson,
        LastAdmin,
    ))]
#[allow(dead_code)]
fn resend_invitation() {}

/// Revokes a pending invitation: the invited user and the link are gone.
#[utoipa::path(delete, path = "/api/v1/people/{id}/invitation", tag = "people",
    params(("id" = i64, Path), Csrf),
    responses(
        (status = 204, description = "Revoked"),
        Unauthenticated,
        CsrfRefused,
        NoSuchPerson,
        LastAdmin,
    ))]
#[allow(dead_code)]
fn revoke_invitation() {}

/// Changes a person's role; it holds from their next request.
#[utoipa::path(post, path = "/api/v1/people/{id}/role", tag = "people", request_body = RoleChange,
    params(("id" = i64, Path), Csrf),
    responses(
        (status = 200, description = "Changed", body = Person),
        NotJson,
        Unauthenticated,
        CsrfRefused,
        NoSuchPerson,
        LastAdmin,
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
    ))]
#[allow(dead_code)]
fn change_role() {}

/// Deactivates a person: their sessions end at once and they cannot sign in.
#[utoipa::path(post, path = "/api/v1/people/{id}/deactivate", tag = "people",
    params(("id" = i64, Path), Csrf),
    responses(
        (status = 200, description = "Deactivated", body = Person),
        Unauthenticated,
        CsrfRefused,
        NoSuchPerson,
        LastAdmin,
    ))]
#[allow(dead_code)]
fn deactivate() {}

/// Reactivates a deactivated person.
#[utoipa::path(post, path = "/api/v1/people/{id}/reactivate", tag = "people",
    params(("id" = i64, Path), Csrf),
    responses(
        (status = 200, description = "Reactivated", body = Person),
        Unauthenticated,
        CsrfRefused,
        NoSuchPerson,
        LastAdmin,
    ))]
#[allow(dead_code)]
fn reactivate() {}

/// Turns off a person's two-step sign-in (a lost authenticator app and recovery codes):
/// their sessions end, they sign in with their password alone, and a mail tells them.
/// Nothing changes for someone without it; an admin's own is refused.
#[utoipa::path(post, path = "/api/v1/people/{id}/two-step/reset", tag = "people",
    params(("id" = i64, Path), Csrf),
    responses(
        (status = 200, description = "Two-step sign-in is off", body = Person),
        Unauthenticated,
        CsrfRefused,
        NoSuchPerson,
        LastAdmin,
    ))]
#[allow(dead_code)]
fn reset_two_step() {}

/// The record of changes to the company's people, newest first (the latest 100).
#[utoipa::path(get, path = "/api/v1/people/changes", tag = "people",
    responses(
        (status = 200, description = "Who did what to whom, and when", body = PersonChangeList),
        Unauthenticated,
        NoSuchPerson,
    ))]
#[allow(dead_code)]
fn list_changes() {}

/// The signed-in user's profile.
#[utoipa::path(get, path = "/api/v1/account", tag = "account",
    responses(
        (status = 200, description = "The profile", body = Account),
        Unauthenticated,
    ))]
#[allow(dead_code)]
fn get_account() {}

/// Replaces name, phone and language.
#[utoipa::path(patch, path = "/api/v1/account", tag = "account", request_body = AccountUpdate,
    params(Csrf),
    responses(
        (status = 200, description = "Saved", body = Account),
        NotJson,
        Unauthenticated,
        CsrfRefused,
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
    ))]
#[allow(dead_code)]
fn update_account() {}

/// Changes the password (the current one is required) and ends every other session.
/// 422 codes: `password_wrong`, `password_too_short`, `password_too_long`, `password_common`.
#[utoipa::path(post, path = "/api/v1/account/password", tag = "account", request_body = PasswordChange,
    params(Csrf),
    responses(
        (status = 204, description = "Changed; other sessions ended"),
        NotJson,
        Unauthenticated,
        CsrfRefused,
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
        (status = 429, description = "Too many wrong current passwords for the account or from the address: wait", body = Problem, content_type = "application/problem+json"),
    ))]
#[allow(dead_code)]
fn change_password() {}

/// The user's live sessions, this one marked.
#[utoipa::path(get, path = "/api/v1/account/sessions", tag = "account",
    responses(
        (status = 200, description = "Live sessions", body = SessionList),
        Unauthenticated,
    ))]
#[allow(dead_code)]
fn list_sessions() {}

/// Ends every session of the user but this one.
#[utoipa::path(post, path = "/api/v1/account/sessions/end-others", tag = "account",
    params(Csrf),
    responses(
        (status = 204, description = "Other sessions ended"),
        Unauthenticated,
        CsrfRefused,
    ))]
#[allow(dead_code)]
fn end_other_sessions() {}

/// Asks for a password-reset link (valid 1 hour). The answer is the same, in the same
/// time, whether an account has the address or not.
#[utoipa::path(post, path = "/api/v1/password-reset", tag = "account", request_body = ResetRequest,
    responses(
        (status = 202, description = "If an active account has this address, a link is on its way"),
        NotJson,
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
        (status = 429, description = "Too many requests for the address or from the client: wait", body = Problem, content_type = "application/problem+json"),
    ))]
#[allow(dead_code)]
fn request_reset() {}

/// Sets a new password with a mailed link's token; ends every session of the user.
#[utoipa::path(post, path = "/api/v1/password-reset/complete", tag = "account", request_body = NewPassword,
    responses(
        (status = 204, description = "Password set; sign in with it"),
        NotJson,
        PayloadTooLarge,
        UnsupportedMediaType,
        (status = 422, description = "Invalid fields; `token` with `invalid_value` when the link is unknown, used or expired", body = Problem, content_type = "application/problem+json"),
    ))]
#[allow(dead_code)]
fn complete_reset() {}

/// Accepts an invitation: sets the password (and the name), activates and signs in.
#[utoipa::path(post, path = "/api/v1/invitation/accept", tag = "account", request_body = AcceptInvitation,
    responses(
        (status = 200, description = "Signed in: the session with its CSRF token", body = Session),
        NotJson,
        PayloadTooLarge,
        UnsupportedMediaType,
        (status = 422, description = "Invalid fields; `token` with `invalid_value` when the link is unknown, used or expired", body = Problem, content_type = "application/problem+json"),
    ))]
#[allow(dead_code)]
fn accept_invitation() {}

/// Starts turning two-step sign-in on: a new secret (as a QR code and as text) that a
/// first code confirms. Asking again replaces a secret not yet confirmed.
#[utoipa::path(post, path = "/api/v1/account/two-step", tag = "account",
    params(Csrf),
    responses(
        (status = 200, description = "The secret waiting for a first code", body = TwoStepSetup),
        Unauthenticated,
        CsrfRefused,
    ))]
#[allow(dead_code)]
fn begin_two_step() {}

/// Confirms the secret with a first code: two-step sign-in is on; the ten recovery codes
/// are answered once. 422 `wrong_code` at `code` for a wrong code or none started. When it
/// was on already (a new phone, new recovery codes), `current` must be a code of the app
/// in use or an unused recovery code: 422 `wrong_code` at `current` otherwise.
#[utoipa::path(post, path = "/api/v1/account/two-step/confirm", tag = "account", request_body = TwoStepCode,
    params(Csrf),
    responses(
        (status = 200, description = "On: the recovery codes, shown once", body = RecoveryCodes),
        NotJson,
        Unauthenticated,
        CsrfRefused,
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
        (status = 429, description = "Too many wrong current codes for the account or from the address: wait", body = Problem, content_type = "application/problem+json"),
    ))]
#[allow(dead_code)]
fn confirm_two_step() {}

/// A company admin requires two-step sign-in for everyone of the company (each user's
/// next request leads them to set it up), or no longer does. 409 for an admin who has not
/// set up their own yet.
#[utoipa::path(post, path = "/api/v1/people/two-step", tag = "people", request_body = TwoStepRequirement,
    params(Csrf),
    responses(
        (status = 204, description = "Saved"),
        NotJson,
        Unauthenticated,
        CsrfRefused,
        NoSuchPerson,
        (status = 409, description = "The admin has not set up their own two-step sign-in", body = Problem, content_type = "application/problem+json"),
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
    ))]
#[allow(dead_code)]
fn require_two_step() {}
