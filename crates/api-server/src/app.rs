//! The router: every route under `/api/v1`, and the layers around them. It only
//! assembles: the handlers live in `routes`, what they share in `state`.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::{delete, get, post};
use tower_http::LatencyUnit;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::error::ApiError;
use crate::extract::BODY_LIMIT_BYTES;
use crate::routes;
use crate::state::AppState;

pub fn router(state: AppState) -> Router {
    use routes::{
        account, billing, catalog, closing, credit, files, last_seen, notifications, openapi,
        people, plan, recovery, requests, session, two_step, uploads,
    };
    // Uploads stream to disk under their own limit (checked again as they arrive).
    let upload_limit = usize::try_from(
        state
            .files
            .limits
            .file_max_bytes
            .saturating_add(files::MULTIPART_OVERHEAD),
    )
    .unwrap_or(usize::MAX);
    let api = Router::new()
        .route(
            "/session",
            get(session::who_am_i)
                .post(session::sign_in)
                .delete(session::sign_out),
        )
        .route("/plan", get(plan::get_plan))
        .route("/catalog", get(catalog::get_catalog))
        .route("/credit", get(credit::get_credit))
        .route("/credit/ledger", get(credit::get_ledger))
        .route(
            "/requests",
            get(requests::list_requests).post(requests::create_request),
        )
        .route("/requests/estimate", post(requests::estimate_request))
        .route("/requests/{id}", get(requests::get_request))
        .route("/requests/{id}/comments", post(requests::add_comment))
        .route("/requests/{id}/cancel", post(requests::cancel_request))
        .route("/requests/{id}/decision", post(requests::decide_request))
        .route(
            "/notifications",
            get(notifications::get_notifications).put(notifications::put_notifications),
        )
        .route(
            "/requests/{id}/mute",
            get(notifications::get_mute).put(notifications::put_mute),
        )
        .route(
            "/requests/{id}/files",
            post(files::upload_to_request).layer(DefaultBodyLimit::max(upload_limit)),
        )
        .route(
            "/requests/{id}/comments/{comment}/files",
            post(files::upload_to_comment).layer(DefaultBodyLimit::max(upload_limit)),
        )
        .route(
            "/uploads",
            post(uploads::upload_staged).layer(DefaultBodyLimit::max(upload_limit)),
        )
        .route("/uploads/{id}", delete(uploads::delete_staged))
        .route("/files/limits", get(files::limits))
        .route("/files/{id}", get(files::download))
        .route("/requests/{id}/confirm", post(closing::confirm))
        .route("/requests/{id}/reopen", post(closing::reopen))
        .route("/requests/{id}/rating", post(closing::rate))
        .route("/requests/{id}/quote/accept", post(closing::accept_quote))
        .route("/requests/{id}/quote/decline", post(closing::decline_quote))
        .route("/billing/pay-statement", get(billing::get_pay_statement))
        .route("/people", get(people::list_people).post(people::invite))
        .route("/people/changes", get(people::list_changes))
        .route("/people/two-step", post(two_step::require))
        .route(
            "/people/{id}/invitation",
            post(people::resend_invitation).delete(people::revoke_invitation),
        )
        .route("/people/{id}/role", post(people::change_role))
        .route("/people/{id}/deactivate", post(people::deactivate))
        .route("/people/{id}/reactivate", post(people::reactivate))
        .route("/people/{id}/two-step/reset", post(people::reset_two_step))
        .route(
            "/account",
            get(account::get_account).patch(account::update_account),
        )
        .route("/account/password", post(account::change_password))
        .route("/account/sessions", get(account::list_sessions))
        .route("/account/two-step", post(two_step::begin))
        .route("/account/two-step/confirm", post(two_step::confirm))
        .route(
            "/account/sessions/end-others",
            post(account::end_other_sessions),
        )
        .route("/password-reset", post(recovery::request_reset))
        .route("/password-reset/complete", post(recovery::complete_reset))
        .route("/invitation/accept", post(recovery::accept_invitation))
        .route("/openapi.json", get(openapi::get_document))
        .method_not_allowed_fallback(routes::method_not_allowed)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            last_seen::touch,
        ));
    Router::new()
        .nest(support_api::API_PREFIX, api)
        .fallback(routes::not_found)
        // `ApiJson` turns a body over the limit into a 413 problem document.
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        // Answers carry sessions and company data: no shared or browser cache keeps them.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        // JSON only: a browser must never sniff it as something else, nor render or
        // frame it as a page (the portal's own headers come from its web server).
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        // Downloads set their own (a sandbox); everything else is JSON.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
        ))
        .layer(CatchPanicLayer::custom(panic_response))
        // One line per answer (method, path, status, time), as an access log: tower_http's
        // default writes two DEBUG lines per request, which the load test measured.
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_request(())
                .on_response(
                    DefaultOnResponse::new()
                        .level(Level::INFO)
                        .latency_unit(LatencyUnit::Micros),
                ),
        )
        .with_state(state)
}

/// A panic is a bug: the client gets the usual 500 problem, the log gets the message.
fn panic_response(panic: Box<dyn std::any::Any + Send>) -> axum::response::Response {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    ApiError::broken(format!("handler panicked: {message}")).into_response()
}
