//! The paths of closing the loop on a request (confirm, reopen, rating, a quote's answer)
//! and the PAY statement, merged into the document by [`super::document`].

use utoipa::OpenApi;

use super::*;
use crate::billing::*;
use crate::quotes::*;
use crate::resolution::*;

#[derive(OpenApi)]
#[openapi(
    paths(
        confirm_request, reopen_request, rate_request,
        accept_quote, decline_quote, get_pay_statement,
    ),
    components(schemas(
        Quote, QuoteState, QuoteDecline, Rating, NewRating, Reopen, PayStatement, PayLine,
    )),
    tags((name = "billing"))
)]
pub struct ClosingDoc;

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
