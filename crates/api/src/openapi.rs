//! The OpenAPI document, assembled from the contract types. The paths are declared here
//! (the contract owns them), so any server can be checked against the same document.
//! `tests/openapi.rs` keeps the committed `openapi.json` in step with this.

use utoipa::OpenApi;

mod people;

use crate::billing::*;
use crate::catalog::*;
use crate::credit::*;
use crate::files::*;
use crate::money::*;
use crate::notifications::*;
use crate::plan::*;
use crate::problem::*;
use crate::quotes::*;
use crate::requests::*;
use crate::resolution::*;
use crate::session::*;

/// The document served at `/api/v1/openapi.json`.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut document = ApiDoc::openapi();
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
        upload_request_file, upload_comment_file, download_file, file_limits,
        stage_upload, unstage_upload,
        confirm_request, reopen_request, rate_request,
        accept_quote, decline_quote, get_pay_statement,
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
        FileInfo, FileLimits, ScanStatus, FileUpload,
        Quote, QuoteState, QuoteDecline, Rating, NewRating, Reopen, PayStatement, PayLine,
    )),
    tags((name = "session"), (name = "plan"), (name = "credit"), (name = "requests"),
        (name = "notifications"), (name = "files"), (name = "billing"))
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
/// Body of the uploads: one file, `multipart/form-data`, in the part named `file` (its
/// part's filename is the file's name).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct FileUpload {
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Adds a file to a request (idempotent: the same key with the same file creates one).
/// The server decides its type by the content: a refused type, or content that does not
/// match the name's extension, is a 422 with field `file`, code `file_type`. Over the
/// per-file limit or the request's total (`GET /files/limits`): 413. The file is
/// `pending` until the virus check passes it.
#[utoipa::path(post, path = "/api/v1/requests/{id}/files", tag = "files",
    request_body(content = FileUpload, content_type = "multipart/form-data"),
    params(
        ("id" = i64, Path),
        ("Idempotency-Key" = String, Header, description = "A fresh key per file (1 to 200 visible ASCII characters)", pattern = "^[!-~]{1,200}$"),
        Csrf,
    ),
    responses(
        (status = 201, description = "Stored: the file, pending or clean", body = FileInfo),
        (status = 400, description = "The multipart body is broken", body = Problem, content_type = "application/problem+json"),
        Unauthenticated,
        CsrfRefused,
        NotFound,
        KeyReused,
        PayloadTooLarge,
        (status = 415, description = "The body is not multipart/form-data", body = Problem, content_type = "application/problem+json"),
        Unprocessable,
    ))]
#[allow(dead_code)]
fn upload_request_file() {}

/// Adds a file to a comment of the request (the comment's `id` in the timeline); as
/// `POST /requests/{id}/files` otherwise.
#[utoipa::path(post, path = "/api/v1/requests/{id}/comments/{comment}/files", tag = "files",
    request_body(content = FileUpload, content_type = "multipart/form-data"),
    params(
        ("id" = i64, Path),
        ("comment" = i64, Path),
        ("Idempotency-Key" = String, Header, description = "A fresh key per file (1 to 200 visible ASCII characters)", pattern = "^[!-~]{1,200}$"),
        Csrf,
    ),
    responses(
        (status = 201, description = "Stored: the file, pending or clean", body = FileInfo),
        (status = 400, description = "The multipart body is broken", body = Problem, content_type = "application/problem+json"),
        Unauthenticated,
        CsrfRefused,
        NotFound,
        KeyReused,
        PayloadTooLarge,
        (status = 415, description = "The body is not multipart/form-data", body = Problem, content_type = "application/problem+json"),
        Unprocessable,
    ))]
#[allow(dead_code)]
fn upload_comment_file() {}

/// Downloads a clean file, always as an attachment (`Content-Disposition` with the
/// RFC 6266 name, `nosniff`, a sandboxing CSP).
#[utoipa::path(get, path = "/api/v1/files/{id}", tag = "files",
    params(("id" = i64, Path)),
    responses(
        (status = 200, description = "The file's bytes, as the type the server decided (`content_type`)", content_type = "*/*", body = Vec<u8>),
        Unauthenticated,
        NotFound,
        (status = 409, description = "The file is pending the virus check, or blocked by it", body = Problem, content_type = "application/problem+json"),
    ))]
#[allow(dead_code)]
fn download_file() {}

/// What the server takes: the largest file, the largest total per request, extensions.
#[utoipa::path(get, path = "/api/v1/files/limits", tag = "files",
    responses(
        (status = 200, description = "The limits", body = FileLimits),
        Unauthenticated,
    ))]
#[allow(dead_code)]
fn file_limits() {}

/// Uploads a file before the request or comment it goes with exists (idempotent like the
/// other uploads; the same type checks, per-file limit and virus check). The file is
/// staged: the uploader's alone, on no request and counted against nothing, until the
/// `files` of a new request or comment of theirs name it; one never named is removed
/// after 7 days.
#[utoipa::path(post, path = "/api/v1/uploads", tag = "files",
    request_body(content = FileUpload, content_type = "multipart/form-data"),
    params(
        ("Idempotency-Key" = String, Header, description = "A fresh key per file (1 to 200 visible ASCII characters)", pattern = "^[!-~]{1,200}$"),
        Csrf,
    ),
    responses(
        (status = 201, description = "Staged: the file, pending or clean", body = FileInfo),
        (status = 400, description = "The multipart body is broken", body = Problem, content_type = "application/problem+json"),
        Unauthenticated,
        CsrfRefused,
        KeyReused,
        PayloadTooLarge,
        (status = 415, description = "The body is not multipart/form-data", body = Problem, content_type = "application/problem+json"),
        Unprocessable,
    ))]
#[allow(dead_code)]
fn stage_upload() {}

/// The uploader takes a staged file back. Another user's, another customer's, or a file
/// already on a request is a 404.
#[utoipa::path(delete, path = "/api/v1/uploads/{id}", tag = "files",
    params(("id" = i64, Path), Csrf),
    responses(
        (status = 204, description = "Removed"),
        Unauthenticated,
        CsrfRefused,
        (status = 404, description = "No staged file of the signed-in user", body = Problem, content_type = "application/problem+json"),
    ))]
#[allow(dead_code)]
fn unstage_upload() {}

/// The requester or an admin confirms a resolved request: it is closed. 409 when it is
/// not resolved. The body is ignored.
#[utoipa::path(post, path = "/api/v1/requests/{id}/confirm", tag = "requests",
    params(("id" = i64, Path), Csrf),
    responses(
        (status = 200, description = "Closed: the request with its timeline", body = RequestDetail),
        Unauthenticated,
        CsrfRefused,
        NotFound,
        (status = 409, description = "The request is not resolved", body = Problem, content_type = "application/problem+json"),
    ))]
#[allow(dead_code)]
fn confirm_request() {}

/// The requester or an admin reopens a resolved request with a reason (required): it is
/// back in progress, the reason on the timeline. 409 when it is not resolved.
#[utoipa::path(post, path = "/api/v1/requests/{id}/reopen", tag = "requests", request_body = Reopen,
    params(("id" = i64, Path), Csrf),
    responses(
        (status = 200, description = "Reopened: the request with its timeline", body = RequestDetail),
        NotJson,
        Unauthenticated,
        CsrfRefused,
        NotFound,
        (status = 409, description = "The request is not resolved", body = Problem, content_type = "application/problem+json"),
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
    ))]
#[allow(dead_code)]
fn reopen_request() {}

/// The requester rates a closed request 1 to 5, once; the rating can be changed for 7 days
/// after it was first given. 403 for anyone but the requester, 409 when the request is not
/// closed or the window has passed.
#[utoipa::path(post, path = "/api/v1/requests/{id}/rating", tag = "requests", request_body = NewRating,
    params(("id" = i64, Path), Csrf),
    responses(
        (status = 200, description = "Rated: the request with its timeline", body = RequestDetail),
        NotJson,
        Unauthenticated,
        (status = 403, description = "Missing or wrong X-CSRF-Token, or not the requester", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "Not closed, or the rating can no longer be changed", body = Problem, content_type = "application/problem+json"),
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
    ))]
#[allow(dead_code)]
fn rate_request() {}

/// An admin accepts the open quote: the work is ordered, the quoted amount becomes the
/// request's cost. 403 for a member, 409 when no quote is open or it has expired. The body
/// is ignored.
#[utoipa::path(post, path = "/api/v1/requests/{id}/quote/accept", tag = "requests",
    params(("id" = i64, Path), Csrf),
    responses(
        (status = 200, description = "Accepted: the request with its timeline", body = RequestDetail),
        Unauthenticated,
        (status = 403, description = "Missing or wrong X-CSRF-Token, or a member deciding", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "No open quote, or it has expired", body = Problem, content_type = "application/problem+json"),
    ))]
#[allow(dead_code)]
fn accept_quote() {}

/// An admin declines the open quote with a reason (required). 403 for a member, 409 when
/// no quote is open.
#[utoipa::path(post, path = "/api/v1/requests/{id}/quote/decline", tag = "requests", request_body = QuoteDecline,
    params(("id" = i64, Path), Csrf),
    responses(
        (status = 200, description = "Declined: the request with its timeline", body = RequestDetail),
        NotJson,
        Unauthenticated,
        (status = 403, description = "Missing or wrong X-CSRF-Token, or a member deciding", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "No open quote", body = Problem, content_type = "application/problem+json"),
        PayloadTooLarge,
        UnsupportedMediaType,
        Unprocessable,
    ))]
#[allow(dead_code)]
fn decline_quote() {}

/// The month's invoiced PAY work (one line per invoiced time log, by day) with totals:
/// an admin's whole company, a member's own requests. A month without PAY work has no
/// lines. 422 for a missing or malformed `month`.
#[utoipa::path(get, path = "/api/v1/billing/pay-statement", tag = "billing",
    params(("month" = String, Query, description = "The month, YYYY-MM", pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$")),
    responses(
        (status = 200, description = "The month's PAY statement", body = PayStatement),
        Unauthenticated,
        Unprocessable,
    ))]
#[allow(dead_code)]
fn get_pay_statement() {}
