//! The OpenAPI document, assembled from the contract types. The paths are declared here
//! (the contract owns them), so any server can be checked against the same document.
//! `tests/openapi.rs` keeps the committed `openapi.json` in step with this.

use utoipa::OpenApi;

mod closing;
mod files;
mod people;

use crate::catalog::*;
use crate::credit::*;
use crate::money::*;
use crate::notifications::*;
use crate::plan::*;
use crate::problem::*;
use crate::requests::*;
use crate::session::*;

/// The document served at `/api/v1/openapi.json`.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut document = ApiDoc::openapi();
    document.merge(files::FilesDoc::openapi());
    document.merge(closing::ClosingDoc::openapi());
    document.merge(people::PeopleDoc::openapi());
    document
}

/// The document as committed: pretty JSON with a final newline.
pub fn document_json() -> String {
    let mut json = document().to_pretty_json().unwrap_or_default();
    json.push('\n');
    json
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Support API",
        version = "1.0.0",
        description = "Customer support portal API: support levels, coverage, SBP credit and requests. \
            Errors are application/problem+json. State-changing calls need the X-CSRF-Token header \
            returned at sign-in."
    ),
    paths(
        sign_in, who_am_i, sign_out, get_plan, get_catalog, get_credit, get_ledger,
        list_requests, create_request, get_request, add_comment, cancel_request,
        decide_request, estimate_request,
        get_notifications, put_notifications, get_mute, put_mute,
    ),
    components(schemas(
        Money, Currency, Problem, ProblemType, FieldError,
        SignIn, Session, User, CustomerSummary, Role, Language,
        Plan, Level, LevelHolding, AlcCoverage, Licence, CoverageStatus, SbpSubscription,
        SlaContract, ReactionTarget, Priority, BusinessHours, Contacts, Hotline, Contact,
        Catalog, LevelInfo, Service, ServiceCode, Billing, BilledAs, Course, CourseDate,
        TrainingLocation,
        Credit, PrepaidBlock, CreditForecast, ExpiringBlock, MonthUsage, ServiceAmount,
        LedgerEntry, LedgerKind, LedgerPage,
        RequestType, RequestStatus, RequestSort, RequestDetails, NewRequest, Estimate, RateUnit,
        RequestSummary, RequestPage, RequestDetail, TimelineEvent, NewComment, Decision,
        NotificationKind, NotificationSetting, NotificationSettings, Mute,
    )),
    tags((name = "session"), (name = "plan"), (name = "credit"), (name = "requests"),
        (name = "notifications"))
)]
struct ApiDoc;

/// Problem answers (`application/problem+json`) that several paths give, each a type
/// to name in a path's `responses(...)`; the doc comment is the answer's description in
/// the document (`tests/openapi.rs` checks that every answer has one).
macro_rules! problems {
    ($($(#[doc = $doc:tt])+ $name:ident = $status:tt;)*) => {$(
        #[derive(utoipa::IntoResponses)]
        #[allow(dead_code)]
        enum $name {
            $(#[doc = $doc])+
            #[response(status = $status, content_type = "application/problem+json")]
            Problem(Problem),
        }
    )*};
}

problems! {
    /// The body is not JSON
    NotJson = 400;
    /// No session, or it expired or ended: sign in again
    Unauthenticated = 401;
    /// Missing or wrong X-CSRF-Token
    CsrfRefused = 403;
    /// No such request for the signed-in user: another customer's, or a colleague's for a member
    NotFound = 404;
    /// The Idempotency-Key was used before with another body
    KeyReused = 409;
    /// The body is larger than the API accepts
    PayloadTooLarge = 413;
    /// The body is not sent as application/json
    UnsupportedMediaType = 415;
    /// Invalid fields or parameters: `errors` names each one with a code
    Unprocessable = 422;
}

/// The header of every call that changes something.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
struct Csrf {
    /// CSRF token from sign-in
    #[param(rename = "X-CSRF-Token")]
    token: String,
}

/// Signs in: sets the HttpOnly session cookie and answers the session with its CSRF token.
#[utoipa::path(post, path = "/api/v1/session", tag = "session", request_body = SignIn,
    responses(
        (status = 200, description = "Signed in: the session with its CSRF token", body = Session),
        NotJson,
        (status = 401, description = "Wrong e-mail or password", body = Problem, content_type = "application/problem+json"),
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
        (status = 429, description = "Too many attempts for the account or from the address: wait", body = Problem, content_type = "application/problem+json"),
    ))]
#[allow(dead_code)]
fn sign_in() {}

/// Who is signed in (and the CSRF token again, for a reloaded page).
#[utoipa::path(get, path = "/api/v1/session", tag = "session",
    responses(
        (status = 200, description = "The session with its CSRF token", body = Session),
        (status = 204, description = "Nobody is signed in: no session cookie, or its session has ended"),
    ))]
#[allow(dead_code)]
fn who_am_i() {}

/// Signs out: ends the session and clears the cookie.
#[utoipa::path(delete, path = "/api/v1/session", tag = "session",
    params(Csrf),
    responses(
        (status = 204, description = "Signed out"),
        Unauthenticated,
        CsrfRefused,
    ))]
#[allow(dead_code)]
fn sign_out() {}

/// The customer's levels, ALC coverage, SBP subscription, SLA contract and contacts.
#[utoipa::path(get, path = "/api/v1/plan", tag = "plan",
    responses(
        (status = 200, description = "The customer's plan", body = Plan),
        Unauthenticated,
    ))]
#[allow(dead_code)]
fn get_plan() {}

/// The levels, services with rates in the customer's currency, and training courses.
#[utoipa::path(get, path = "/api/v1/catalog", tag = "plan",
    responses(
        (status = 200, description = "The catalogue in the customer's currency", body = Catalog),
        Unauthenticated,
    ))]
#[allow(dead_code)]
fn get_catalog() {}

/// SBP credit: balance (the sum of the ledger), low-balance threshold, prepaid blocks in
/// the order they are consumed (by expiry, then purchase), the forecast at the average
/// burn of the last 90 days, and — for admins only — use per month over the last 12
/// months (`usage` is `null` for members). Expired blocks are written off first.
#[utoipa::path(get, path = "/api/v1/credit", tag = "credit",
    responses(
        (status = 200, description = "The customer's SBP credit", body = Credit),
        Unauthenticated,
        (status = 404, description = "The customer has no SBP subscription", body = Problem, content_type = "application/problem+json"),
    ))]
#[allow(dead_code)]
fn get_credit() {}

/// The ledger, newest first, with the running balance after each entry. Admins only
/// (404 for members and for customers without SBP). Unknown or malformed parameters are
/// a 422 problem naming the parameter.
#[utoipa::path(get, path = "/api/v1/credit/ledger", tag = "credit",
    params(
        ("from" = Option<String>, Query, description = "First day (YYYY-MM-DD, UTC), inclusive"),
        ("to" = Option<String>, Query, description = "Last day (YYYY-MM-DD, UTC), inclusive; not before `from`"),
        ("service" = Option<String>, Query, description = "Service code(s), comma-separated or repeated"),
        ("kind" = Option<String>, Query, description = "Entry kind(s): top_up, debit, expiry, adjustment; comma-separated or repeated"),
        ("limit" = Option<u32>, Query, description = "Page size, 1 to 500 (default 50)"),
        ("cursor" = Option<String>, Query, description = "`next_cursor` of the previous page, as given"),
    ),
    responses(
        (status = 200, description = "A page of the ledger", body = LedgerPage),
        Unauthenticated,
        (status = 404, description = "A member, or a customer without an SBP subscription", body = Problem, content_type = "application/problem+json"),
        Unprocessable,
    ))]
#[allow(dead_code)]
fn get_ledger() {}

/// The customer's requests: an admin's whole company (with who asked), a member's own.
/// Unknown or malformed parameters are a 422 problem naming the parameter.
#[utoipa::path(get, path = "/api/v1/requests", tag = "requests",
    params(
        ("status" = Option<String>, Query, description = "Status(es), comma-separated or repeated"),
        ("type" = Option<String>, Query, description = "Request type(s), comma-separated or repeated"),
        ("priority" = Option<String>, Query, description = "Priority(ies), comma-separated or repeated"),
        ("q" = Option<String>, Query, description = "Text in the title, matched literally (ASCII case-insensitive)"),
        ("open" = Option<bool>, Query, description = "true: not resolved, closed or cancelled; false: the others"),
        ("sort" = Option<RequestSort>, Query, description = "created_desc (default), created_asc, priority, reaction_due"),
        ("limit" = Option<u32>, Query, description = "Page size, 1 to 500 (default 50)"),
        ("cursor" = Option<String>, Query, description = "`next_cursor` of the previous page with the same sort"),
    ),
    responses(
        (status = 200, description = "A page of requests", body = RequestPage),
        Unauthenticated,
        Unprocessable,
    ))]
#[allow(dead_code)]
fn list_requests() {}

/// Makes a request. The same Idempotency-Key with the same body answers the same 201
/// again (with `Idempotency-Replayed: true`) and creates nothing; with another body it
/// is a 409. A member's spend of SBP credit (or a top-up) starts in `awaiting_approval`.
/// Field errors: the shared validation, plus `licence_id`/`course`/`type`/`amount` with
/// code `unavailable` for a foreign licence, a full or unknown course date, a top-up
/// without SBP or in another currency. Staged files named in `files` (`POST /uploads`)
/// are attached in the same transaction, each its own timeline entry: one that is not
/// the caller's own staged file is a 422 with field `files`, code `invalid_value`; past
/// the request's total, a 413. A replay attaches nothing again.
#[utoipa::path(post, path = "/api/v1/requests", tag = "requests", request_body = NewRequest,
    params(
        ("Idempotency-Key" = String, Header, description = "A fresh key per request (1 to 200 visible ASCII characters)", pattern = "^[!-~]{1,200}$"),
        Csrf,
    ),
    responses(
        (status = 201, description = "Created (or, for a key seen before with the same body, created before)", body = RequestDetail, headers(("Location" = String))),
        NotJson,
        Unauthenticated,
        CsrfRefused,
        KeyReused,
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
    ))]
#[allow(dead_code)]
fn create_request() {}

/// A request with its timeline. Another customer's request, or a colleague's for a
/// member, is a 404.
#[utoipa::path(get, path = "/api/v1/requests/{id}", tag = "requests",
    params(("id" = i64, Path)),
    responses(
        (status = 200, description = "The request with its timeline", body = RequestDetail),
        Unauthenticated,
        NotFound,
    ))]
#[allow(dead_code)]
fn get_request() {}

/// Adds a comment (idempotent like `POST /requests`). A cancelled or closed request takes
/// none: a 422 with field `text`, code `unavailable`. Staged files in `files` go on the
/// comment as for `POST /requests`.
#[utoipa::path(post, path = "/api/v1/requests/{id}/comments", tag = "requests", request_body = NewComment,
    params(
        ("id" = i64, Path),
        ("Idempotency-Key" = String, Header, description = "A fresh key per comment (1 to 200 visible ASCII characters)", pattern = "^[!-~]{1,200}$"),
        Csrf,
    ),
    responses(
        (status = 201, description = "Commented: the request with its timeline", body = RequestDetail),
        NotJson,
        Unauthenticated,
        CsrfRefused,
        NotFound,
        KeyReused,
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
    ))]
#[allow(dead_code)]
fn add_comment() {}

/// Cancels a request while `can_cancel` (awaiting approval, submitted, scheduled); 409
/// after that. The body is ignored.
#[utoipa::path(post, path = "/api/v1/requests/{id}/cancel", tag = "requests",
    params(
        ("id" = i64, Path),
        Csrf,
    ),
    responses(
        (status = 200, description = "Cancelled: the request with its timeline", body = RequestDetail),
        Unauthenticated,
        CsrfRefused,
        NotFound,
        (status = 409, description = "The request can no longer be cancelled", body = Problem, content_type = "application/problem+json"),
    ))]
#[allow(dead_code)]
fn cancel_request() {}

/// An admin approves (→ submitted) or declines (→ cancelled, reason required) a request
/// awaiting approval. 403 for a member, 409 when not awaiting approval.
#[utoipa::path(post, path = "/api/v1/requests/{id}/decision", tag = "requests", request_body = Decision,
    params(
        ("id" = i64, Path),
        Csrf,
    ),
    responses(
        (status = 200, description = "Decided: the request with its timeline", body = RequestDetail),
        NotJson,
        Unauthenticated,
        (status = 403, description = "Missing or wrong X-CSRF-Token, or a member deciding", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "The request is not awaiting approval", body = Problem, content_type = "application/problem+json"),
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
    ))]
#[allow(dead_code)]
fn decide_request() {}

/// How a draft would be billed and what it would cost; stores nothing. Only what pricing
/// needs is checked (422 for a foreign licence, an unknown course date, a top-up without
/// SBP).
#[utoipa::path(post, path = "/api/v1/requests/estimate", tag = "requests", request_body = NewRequest,
    params(Csrf),
    responses(
        (status = 200, description = "How the draft would be billed", body = Estimate),
        NotJson,
        Unauthenticated,
        CsrfRefused,
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
    ))]
#[allow(dead_code)]
fn estimate_request() {}

/// The kinds of mail the user may choose, each on or off (members see no company-wide
/// kinds).
#[utoipa::path(get, path = "/api/v1/notifications", tag = "notifications",
    responses(
        (status = 200, description = "Each kind offered to the user and whether it is on", body = NotificationSettings),
        Unauthenticated,
    ))]
#[allow(dead_code)]
fn get_notifications() {}

/// Switches the listed kinds on or off (the others stay); answers every kind as
/// `GET` does. A company-wide kind from a member, or a kind listed twice, is a 422.
#[utoipa::path(put, path = "/api/v1/notifications", tag = "notifications", request_body = NotificationSettings,
    params(Csrf),
    responses(
        (status = 200, description = "Saved: each kind and whether it is on", body = NotificationSettings),
        NotJson,
        Unauthenticated,
        CsrfRefused,
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
    ))]
#[allow(dead_code)]
fn put_notifications() {}

/// Whether the user muted the request (gets no mail about it).
#[utoipa::path(get, path = "/api/v1/requests/{id}/mute", tag = "notifications",
    params(("id" = i64, Path)),
    responses(
        (status = 200, description = "Whether the request is muted", body = Mute),
        Unauthenticated,
        NotFound,
    ))]
#[allow(dead_code)]
fn get_mute() {}

/// Mutes or unmutes the request for the user.
#[utoipa::path(put, path = "/api/v1/requests/{id}/mute", tag = "notifications", request_body = Mute,
    params(
        ("id" = i64, Path),
        Csrf,
    ),
    responses(
        (status = 200, description = "Saved", body = Mute),
        NotJson,
        Unauthenticated,
        CsrfRefused,
        NotFound,
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
    ))]
#[allow(dead_code)]
fn put_mute() {}
