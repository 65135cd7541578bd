//! The `serve` command: open (or create) the database, bind, answer until Ctrl-C/SIGTERM.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use crate::app;
use crate::auth::rate_limit::Limits;
use crate::config::Config;
use crate::db::{self, Db, DbError};
use crate::error::ApiError;
use crate::files::store::LocalStore;
use crate::files::{Files, scanner};
use crate::seed::{self, SeedError};
use crate::state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("creating the demo database: {0}")]
    Seed(#[from] SeedError),
    #[error("opening the database: {0}")]
    Db(#[from] DbError),
    #[error("binding {addr}: {source}")]
    Bind { addr: SocketAddr, source: io::Error },
    #[error("preparing the file store: {0}")]
    Files(io::Error),
    #[error("{0}")]
    Store(String),
    #[error("serving: {0}")]
    Serve(io::Error),
}

pub async fn serve(config: Config) -> Result<(), ServeError> {
    // A missing file means a first start: create the demo world. An existing one is
    // opened as it is, so data survives restarts; migrations bring it up to date.
    let conn = if config.db.exists() {
        db::open(&config.db)?
    } else {
        let conn = seed::create_demo_db(&config.db, false)?;
        println!("created the demo database at {}", config.db.display());
        conn
    };
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|source| ServeError::Bind {
            addr: config.addr,
            source,
        })?;
    // With `--addr 127.0.0.1:0` the system picks the port; say which one it was.
    let local = listener.local_addr().map_err(ServeError::Serve)?;
    let limits = if config.sign_in_limit {
        Limits::default()
    } else {
        Limits::unlimited()
    };
    let db = Db::new(conn, &config.db, db::readers_for_this_machine())?;
    // The outbox's sender: mails recorded before a restart go out now.
    crate::mail::worker::spawn(db.clone(), config.mail.clone());
    tokio::spawn(auto_close_every_few_minutes(
        db.clone(),
        config.auto_close_days,
    ));
    LocalStore::new(&config.files.dir(&config.db))
        .clear_temp()
        .map_err(ServeError::Files)?;
    let files = Files::configured(&config.files, &config.db).map_err(ServeError::Store)?;
    let state = AppState::with_files(db.clone(), config, limits, Arc::new(files));
    tokio::spawn(sweep_staged_files_every_hour(
        db.clone(),
        state.files.clone(),
    ));
    if state.files.no_scan {
        tracing::warn!("--no-scan: uploads are marked clean without a virus check");
    }
    match &state.files.clamd {
        None if !state.files.no_scan => {
            tracing::warn!("no --clamd: uploads stay pending, not downloadable");
        }
        _ => {
            tokio::spawn(scanner::run(db, state.files.clone()));
        }
    }
    let router = app::router(state);
    // Listen for SIGTERM before saying "listening": a script may send it right after.
    let shutdown = shutdown_signal();
    tracing::info!(addr = %local, "listening");
    // Scripts and tests wait for this exact line on stdout.
    println!("listening on http://{local}");
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
    .map_err(ServeError::Serve)?;
    tracing::info!("stopped");
    Ok(())
}

/// How often the server closes resolved requests nobody answered.
const AUTO_CLOSE_PERIOD: std::time::Duration = std::time::Duration::from_secs(300);

/// Closes resolved requests untouched for `days` days, now and then every few minutes,
/// until the server stops. A failed round is logged; the next one tries again.
async fn auto_close_every_few_minutes(db: Db, days: u32) {
    let mut ticks = tokio::time::interval(AUTO_CLOSE_PERIOD);
    loop {
        ticks.tick().await;
        let now = crate::time_util::now_unix();
        let closed = db
            .write(move |tx| {
                crate::actions::staff_closing::auto_close(tx, days, now)
                    .map_err(|err| ApiError::broken(err.0))
            })
            .await;
        match closed {
            Ok(ids) if !ids.is_empty() => tracing::info!(?ids, "closed resolved requests"),
            Ok(_) => {}
            Err(err) => tracing::warn!(%err, "auto-close failed"),
        }
    }
}

/// Removes staged files never sent (after 7 days) now and then every hour; a failed
/// round is logged, the next one tries again.
async fn sweep_staged_files_every_hour(db: Db, files: Arc<Files>) {
    let mut ticks = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        ticks.tick().await;
        let now = crate::time_util::now_unix();
        match crate::actions::staged::sweep(&db, files.store.as_ref(), now).await {
            Ok(0) => {}
            Ok(swept) => tracing::info!(swept, "removed staged files never sent"),
            Err(err) => tracing::warn!(%err, "sweeping staged files failed"),
        }
    }
}

/// Resolves at Ctrl-C or SIGTERM; in-flight requests then finish before the server stops.
/// SIGTERM is listened for from the call on, not from the first poll.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate());
    async move {
        let ctrl_c = async {
            if let Err(err) = tokio::signal::ctrl_c().await {
                tracing::warn!(%err, "cannot listen for Ctrl-C");
                std::future::pending::<()>().await;
            }
        };
        #[cfg(unix)]
        let terminate = async {
            match terminate {
                Ok(mut signal) => {
                    signal.recv().await;
                }
                Err(err) => {
                    tracing::warn!(%err, "cannot listen for SIGTERM");
                    std::future::pending::<()>().await;
                }
            }
        };
        #[cfg(not(unix))]
        let terminate = std::future::pending::<()>();
        tokio::select! {
            () = ctrl_c => {},
            () = terminate => {},
        }
        tracing::info!("shutting down");
    }
}
