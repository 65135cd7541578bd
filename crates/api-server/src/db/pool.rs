//! The handle the handlers share: one connection behind a mutex, used from blocking
//! threads. That serialises writes, which is correct and simple at this server's scale.

use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::{Connection, Transaction};

use super::connect::write_tx;
use crate::error::ApiError;

/// The shared handle the handlers use.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
}

impl Db {
    pub fn new(conn: Connection) -> Self {
        Db {
            conn: Arc::new(Mutex::new(conn)),
        }
    }

    /// Runs `work` with the connection on a blocking thread, so SQLite never stalls the
    /// async workers.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            // A panic in an earlier closure poisons the mutex; the connection itself is
            // still sound (an open transaction rolled back when it was dropped).
            let mut conn = conn.lock().unwrap_or_else(PoisonError::into_inner);
            work(&mut conn)
        })
        .await
        .map_err(|err| ApiError::internal("database task", err))?
    }

    /// Runs `work` as [`Db::run`] does, inside one write transaction ([`write_tx`]):
    /// committed when `work` succeeds, rolled back when it fails.
    pub async fn write<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        self.run(|conn| {
            let tx = write_tx(conn)?;
            let out = work(&tx)?;
            tx.commit()?;
            Ok(out)
        })
        .await
    }
}
