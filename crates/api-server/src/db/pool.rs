//! The handle the handlers share: ONE writer connection and a small pool of read-only
//! ones over the same file. In WAL mode a reader sees the last committed state while the
//! writer writes, so reads run side by side on up to [`readers_for_this_machine`]
//! connections; writes take turns on the writer, each one `BEGIN IMMEDIATE` transaction.
//!
//! Each connection lives on a thread of its own (SQLite calls block: never on the async
//! workers). Handlers queue their work as a job and await its answer; the readers take
//! jobs from one shared queue, the writer from its own, in the order they came. Under
//! load the threads go from job to job without sleeping, so a query trip costs no thread
//! wake-up, which a pool lent out per request and tokio's blocking threads did.

use std::cell::Cell;
use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};

use rusqlite::{Connection, OpenFlags, Transaction};
use tokio::sync::oneshot;

use super::connect::{DbError, configure, write_tx};
use crate::error::ApiError;

/// As many readers as the machine runs threads at once, at least 2 (a reader may wait on
/// the disk while another computes) and at most 8 (beyond that they only wait on each
/// other for the CPU).
pub fn readers_for_this_machine() -> usize {
    std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 8)
}

#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

/// Closes both queues when the last handle goes: the threads finish what was queued and
/// end, closing their connections.
struct Inner {
    readers: Arc<Queue>,
    writer: Arc<Queue>,
    /// Counts the changes to the database the readers have noticed ([`Version`]).
    changes: Arc<AtomicU64>,
}

/// The state of the database a read saw, as far as an answer kept for later cares: two
/// reads given the same version saw the same committed data. A reader notices a commit
/// of any connection, this process's writer or another process (the support team's CLI)
/// alike, through SQLite's `PRAGMA data_version` as its read snapshot starts, and counts
/// it. The version is the count taken before that check, so a commit the snapshot
/// missed is counted later and outdates it; a read that noticed a commit itself gets no
/// version, as a commit counted meanwhile by another reader may be newer than its
/// snapshot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version(u64);

thread_local! {
    /// This reader connection's last `PRAGMA data_version` (each reader has its thread).
    static DATA_VERSION: Cell<Option<i64>> = const { Cell::new(None) };
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.readers.close();
        self.writer.close();
    }
}

impl Db {
    /// The database at `path`: `writer` (opened and migrated by [`super::open`]) and
    /// `readers` read-only connections beside it, each on its own thread.
    pub fn new(writer: Connection, path: &Path, readers: usize) -> Result<Db, DbError> {
        let read_queue = Arc::new(Queue::default());
        for n in 0..readers.max(1) {
            let mut conn = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX
                    | OpenFlags::SQLITE_OPEN_URI,
            )?;
            configure(&mut conn)?;
            serve_queue(format!("db-reader-{n}"), conn, Arc::clone(&read_queue))?;
        }
        let write_queue = Arc::new(Queue::default());
        serve_queue("db-writer".into(), writer, Arc::clone(&write_queue))?;
        Ok(Db {
            inner: Arc::new(Inner {
                readers: read_queue,
                writer: write_queue,
                changes: Arc::new(AtomicU64::new(0)),
            }),
        })
    }

    /// As [`Db::read`], and gives `work` the [`Version`] of what it reads (`None` when
    /// this read cannot tell), for answers kept until the database changes
    /// (`crate::answers`).
    pub async fn read_versioned<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection, Option<Version>) -> Result<T, ApiError> + Send + 'static,
    {
        let changes = Arc::clone(&self.inner.changes);
        self.inner
            .readers
            .run(move |conn| {
                let version = Version(changes.load(Ordering::Acquire));
                let tx = conn.transaction()?;
                // Starts the read snapshot and says whether any connection committed
                // since this reader last looked.
                let data_version: i64 =
                    tx.query_row("PRAGMA data_version", [], |row| row.get(0))?;
                let unchanged = DATA_VERSION.replace(Some(data_version)) == Some(data_version);
                if !unchanged {
                    changes.fetch_add(1, Ordering::AcqRel);
                }
                let out = work(&tx, unchanged.then_some(version))?;
                tx.commit()?;
                Ok(out)
            })
            .await
    }

    /// Runs `work` on a reader, inside one read transaction: every query of it sees the
    /// same committed state, whatever the writer commits meanwhile. Read-only: a write
    /// fails (SQLITE_READONLY).
    pub async fn read<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
    {
        self.inner
            .readers
            .run(move |conn| {
                let tx = conn.transaction()?;
                let out = work(&tx)?;
                // Ends the read snapshot; nothing was written.
                tx.commit()?;
                Ok(out)
            })
            .await
    }

    /// Runs `work` on the writer inside one write transaction ([`write_tx`]): committed
    /// when `work` succeeds, rolled back when it fails.
    pub async fn write<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        self.inner
            .writer
            .run(move |conn| {
                let tx = write_tx(conn)?;
                let out = work(&tx)?;
                tx.commit()?;
                Ok(out)
            })
            .await
    }
}

type Job = Box<dyn FnOnce(&mut Connection) + Send>;

/// Jobs waiting for a connection, first come first served.
#[derive(Default)]
struct Queue {
    state: Mutex<QueueState>,
    ready: Condvar,
}

#[derive(Default)]
struct QueueState {
    jobs: VecDeque<Job>,
    closed: bool,
}

impl Queue {
    /// Queues `work` and waits for its answer without holding an async worker.
    async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let (answer, answered) = oneshot::channel();
        self.push(Box::new(move |conn| {
            // The handler may have gone (the client hung up): nobody to tell.
            let _ = answer.send(work(conn));
        }));
        // Dropped unanswered only when `work` panicked: a 500, as any panic.
        answered
            .await
            .map_err(|err| ApiError::internal("database job", err))?
    }

    fn push(&self, job: Job) {
        // The state is a queue and a flag: a panic elsewhere cannot leave it half-changed.
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.jobs.push_back(job);
        drop(state);
        self.ready.notify_one();
    }

    /// The next job; `None` once the queue is closed and empty.
    fn next(&self) -> Option<Job> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some(job) = state.jobs.pop_front() {
                return Some(job);
            }
            if state.closed {
                return None;
            }
            state = self
                .ready
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn close(&self) {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .closed = true;
        self.ready.notify_all();
    }
}

/// A thread that owns `conn` and runs the jobs of `queue` on it until the queue closes.
fn serve_queue(name: String, mut conn: Connection, queue: Arc<Queue>) -> Result<(), DbError> {
    std::thread::Builder::new().name(name).spawn(move || {
        while let Some(job) = queue.next() {
            // A panicking job answers nothing (its handler gets a 500); the connection
            // stays sound, as the job's transaction rolled back when it was dropped.
            let _ = catch_unwind(AssertUnwindSafe(|| job(&mut conn)));
        }
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readers_fit_the_machine_within_bounds() {
        assert!((2..=8).contains(&readers_for_this_machine()));
    }

    #[tokio::test]
    async fn readers_see_committed_writes_and_cannot_write() {
        let dir = std::env::temp_dir().join(format!("support-api-pool-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("pool.sqlite3");
        let _ = std::fs::remove_file(&path);
        let db = Db::new(super::super::open(&path).unwrap(), &path, 2).unwrap();
        db.write(|tx| Ok(tx.execute_batch("CREATE TABLE t (x INTEGER)")?))
            .await
            .unwrap();
        db.write(|tx| Ok(tx.execute("INSERT INTO t VALUES (7)", [])?))
            .await
            .unwrap();
        let seen: i64 = db
            .read(|conn| Ok(conn.query_row("SELECT x FROM t", [], |r| r.get(0))?))
            .await
            .unwrap();
        assert_eq!(seen, 7);
        let refused = db
            .read(|conn| Ok(conn.execute("INSERT INTO t VALUES (8)", [])?))
            .await;
        assert!(matches!(refused, Err(ApiError::Internal(_))));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The version two reads get is the same only while no connection commits, this
    /// process's or another's; a read that notices a commit gets none.
    #[tokio::test]
    async fn a_commit_by_any_connection_outdates_the_version() {
        let dir = std::env::temp_dir().join(format!("support-api-version-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("pool.sqlite3");
        let _ = std::fs::remove_file(&path);
        let db = Db::new(super::super::open(&path).unwrap(), &path, 1).unwrap();
        let version = || db.read_versioned(|_, version| Ok(version));
        assert_eq!(
            version().await.unwrap(),
            None,
            "a reader's first look counts"
        );
        let first = version().await.unwrap().expect("nothing committed since");
        assert_eq!(version().await.unwrap(), Some(first));

        db.write(|tx| Ok(tx.execute_batch("CREATE TABLE t (x INTEGER)")?))
            .await
            .unwrap();
        assert_eq!(version().await.unwrap(), None, "the writer committed");
        let second = version().await.unwrap().expect("nothing committed since");
        assert_ne!(second, first);

        // Another process's connection, as the support team's CLI writes.
        let other = super::super::open(&path).unwrap();
        other.execute("INSERT INTO t VALUES (1)", []).unwrap();
        assert_eq!(
            version().await.unwrap(),
            None,
            "another connection committed"
        );
        let third = version().await.unwrap().expect("nothing committed since");
        assert!(third != first && third != second);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[tokio::test]
    async fn a_panicking_job_is_an_error_and_the_reader_goes_on() {
        let dir = std::env::temp_dir().join(format!("support-api-panic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("pool.sqlite3");
        let _ = std::fs::remove_file(&path);
        let db = Db::new(super::super::open(&path).unwrap(), &path, 1).unwrap();
        let failed: Result<(), ApiError> = db.read(|_| panic!("a bug")).await;
        assert!(matches!(failed, Err(ApiError::Internal(_))));
        let one: i64 = db
            .read(|conn| Ok(conn.query_row("SELECT 1", [], |r| r.get(0))?))
            .await
            .unwrap();
        assert_eq!(one, 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
