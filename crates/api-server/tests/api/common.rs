//! A fresh app per test and small helpers to talk to it.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use support_api::{CSRF_HEADER, SESSION_COOKIE};
use support_api_server::app;
use support_api_server::auth::rate_limit::Limits;
use support_api_server::config::Config;
use support_api_server::db::Db;
use support_api_server::mail::settings::MailSettings;
use support_api_server::seed;
use support_api_server::state::AppState;

pub const PASSWORD: &str = "portal-demo";

/// Every demo account: e-mail, name, role, customer, currency, language.
pub const DEMO_USERS: [(&str, &str, &str, &str, &str, &str); 6] = [
    (
        "admin@kowalski-aero.demo",
        "Anna Kowalska",
        "admin",
        "Kowalski Aero Sp. z o.o.",
        "PLN",
        "pl",
    ),
    (
        "inzynier@kowalski-aero.demo",
        "Piotr Nowak",
        "member",
        "Kowalski Aero Sp. z o.o.",
        "PLN",
        "pl",
    ),
    (
        "admin@strojirny-hradec.demo",
        "Jana Dvořáková",
        "admin",
        "Strojírny Hradec a.s.",
        "CZK",
        "cs",
    ),
    (
        "technik@strojirny-hradec.demo",
        "Tomáš Svoboda",
        "member",
        "Strojírny Hradec a.s.",
        "CZK",
        "cs",
    ),
    (
        "admin@tatra-forming.demo",
        "Martin Kováč",
        "admin",
        "Tatra Forming s.r.o.",
        "EUR",
        "sk",
    ),
    (
        "buyer@northbridge.demo",
        "Oliver Hughes",
        "admin",
        "Northbridge Tooling Ltd",
        "EUR",
        "en",
    ),
];

/// A directory removed when the test ends.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new() -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("support-api-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub struct TestApp {
    router: Router,
    pub db_path: PathBuf,
    /// The app's database handle and files, for running the scanner in a test.
    pub db_handle: Db,
    pub files: std::sync::Arc<support_api_server::files::Files>,
    _dir: TempDir,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn header(&self, name: header::HeaderName) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts a problem document with this status and type, and returns it.
    #[track_caller]
    pub fn problem(&self, status: u16, kind: &str) -> Value {
        assert_eq!(
            self.status.as_u16(),
            status,
            "body: {}",
            String::from_utf8_lossy(&self.body)
        );
        assert_eq!(
            self.header(header::CONTENT_TYPE),
            Some("application/problem+json")
        );
        let problem = self.json();
        assert_eq!(problem["type"], kind, "{problem}");
        assert_eq!(problem["status"], status);
        problem
    }
}

/// Whether a validation problem holds an error with `code` at `field`.
pub fn names_field(problem: &Value, field: &str, code: &str) -> bool {
    problem["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors in {problem}"))
        .iter()
        .any(|e| e["field"] == field && e["code"] == code)
}

/// The id of the (seeded) request with this title.
pub fn request_titled(conn: &rusqlite::Connection, title: &str) -> i64 {
    conn.query_row("SELECT id FROM requests WHERE title = ?1", [title], |r| {
        r.get(0)
    })
    .unwrap_or_else(|e| panic!("{title}: {e}"))
}

/// Runs `work` in one write transaction and commits it, as a staff command does
/// beside the server.
pub fn staff_do<T>(
    conn: &mut rusqlite::Connection,
    work: impl FnOnce(&rusqlite::Transaction<'_>) -> T,
) -> T {
    let tx = support_api_server::db::write_tx(conn).expect("begin immediate");
    let out = work(&tx);
    tx.commit().expect("commit");
    out
}

/// A signed-in browser: its cookie (`name=value`) and CSRF token.
pub struct Signed {
    pub cookie: String,
    pub csrf: String,
    pub session: Value,
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with_addr("127.0.0.1:3000").await
    }

    /// `addr` decides whether cookies are `Secure` (non-loopback) or not.
    pub async fn with_addr(addr: &str) -> Self {
        Self::with_cookie_setting(addr, false).await
    }

    /// `secure_cookie` as `--secure-cookie` sets it.
    pub async fn with_cookie_setting(addr: &str, secure_cookie: bool) -> Self {
        Self::with_options(addr, secure_cookie, Default::default()).await
    }

    /// With `serve`'s options about files.
    pub async fn with_files(files: support_api_server::files::FileConfig) -> Self {
        Self::with_options("127.0.0.1:3000", false, files).await
    }

    async fn with_options(
        addr: &str,
        secure_cookie: bool,
        files: support_api_server::files::FileConfig,
    ) -> Self {
        let dir = TempDir::new();
        let db_path = dir.path().join("portal.sqlite3");
        let conn = seed::create_demo_db(&db_path, false).expect("seed demo database");
        let config = Config {
            addr: addr.parse().expect("addr"),
            db: db_path.clone(),
            session_ttl_minutes: 480,
            sign_in_limit: true,
            secure_cookie,
            mail: MailSettings::default(),
            files,
            auto_close_days: 7,
        };
        let db = Db::new(conn, &db_path, 2).expect("open the readers");
        let state = AppState::new(db, config, Limits::default());
        let files = state.files.clone();
        TestApp {
            db_handle: state.db.clone(),
            files,
            router: app::router(state),
            db_path,
            _dir: dir,
        }
    }

    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        self.send_from(request, IpAddr::V4(Ipv4Addr::LOCALHOST))
            .await
    }

    /// Sends as if from `ip` (the rate limit counts per client address).
    pub async fn send_from(&self, mut request: Request<Body>, ip: IpAddr) -> TestResponse {
        use tower::ServiceExt;
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::new(ip, 40_000)));
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible");
        let (parts, body) = response.into_parts();
        let body = body.collect().await.expect("body").to_bytes();
        TestResponse {
            status: parts.status,
            headers: parts.headers,
            body,
        }
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> TestResponse {
        let mut request = Request::get(path);
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::empty()).expect("request"))
            .await
    }

    /// A second connection to the app's database, as the staff commands open it.
    pub fn dir(&self) -> &Path {
        self._dir.path()
    }

    pub fn db(&self) -> rusqlite::Connection {
        support_api_server::db::open(&self.db_path).expect("open the test database")
    }

    /// `GET` as a signed-in user, expecting 200 and JSON.
    pub async fn get_ok(&self, path: &str, signed: &Signed) -> Value {
        let response = self.get(path, Some(&signed.cookie)).await;
        assert_eq!(
            response.status,
            StatusCode::OK,
            "{path}: {}",
            String::from_utf8_lossy(&response.body)
        );
        response.json()
    }

    /// `POST` a JSON body as a signed-in user (with its CSRF token and, if given, an
    /// idempotency key).
    pub async fn post(
        &self,
        path: &str,
        signed: &Signed,
        key: Option<&str>,
        body: &Value,
    ) -> TestResponse {
        let mut request = Request::post(path)
            .header(header::COOKIE, &signed.cookie)
            .header(CSRF_HEADER, &signed.csrf)
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(key) = key {
            request = request.header(support_api::requests::IDEMPOTENCY_HEADER, key);
        }
        self.send(request.body(Body::from(body.to_string())).expect("request"))
            .await
    }

    pub async fn sign_in_as(&self, email: &str, password: &str) -> TestResponse {
        self.send(sign_in_request(email, password, None)).await
    }

    /// Signs in with the demo password and returns the browser's state.
    pub async fn sign_in(&self, email: &str) -> Signed {
        let response = self.sign_in_as(email, PASSWORD).await;
        assert_eq!(
            response.status,
            StatusCode::OK,
            "{email}: {:?}",
            response.body
        );
        let session = response.json();
        Signed {
            cookie: session_cookie(&response),
            csrf: session["csrf_token"]
                .as_str()
                .expect("csrf_token")
                .to_owned(),
            session,
        }
    }

    pub async fn sign_out(&self, cookie: &str, csrf: Option<&str>) -> TestResponse {
        let mut request = Request::delete("/api/v1/session").header(header::COOKIE, cookie);
        if let Some(csrf) = csrf {
            request = request.header(CSRF_HEADER, csrf);
        }
        self.send(request.body(Body::empty()).expect("request"))
            .await
    }
}

pub fn sign_in_request(email: &str, password: &str, cookie: Option<&str>) -> Request<Body> {
    let body = serde_json::json!({ "email": email, "password": password }).to_string();
    let mut request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/session")
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body)).expect("request")
}

pub fn post_json(path: &str, content_type: Option<&str>, body: impl Into<Body>) -> Request<Body> {
    let mut request = Request::post(path);
    if let Some(content_type) = content_type {
        request = request.header(header::CONTENT_TYPE, content_type);
    }
    request.body(body.into()).expect("request")
}

/// The `Set-Cookie` header of a sign-in.
pub fn set_cookie(response: &TestResponse) -> &str {
    response
        .header(header::SET_COOKIE)
        .expect("Set-Cookie header")
}

/// `portal_session=<token>` from the sign-in's `Set-Cookie`, as a browser sends it back.
pub fn session_cookie(response: &TestResponse) -> String {
    let pair = set_cookie(response).split(';').next().expect("cookie pair");
    assert!(pair.starts_with(&format!("{SESSION_COOKIE}=")), "{pair}");
    pair.to_owned()
}
