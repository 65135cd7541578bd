//! Where the bytes of files live: a content-addressed store keyed by the SHA-256 of the
//! content. A file enters it only complete (renamed into place from a temporary file), so
//! a reader never sees half of one. The local disk is the default; another store (an S3
//! bucket) implements the same trait.

use std::future::Future;
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::time::SystemTime;

use axum::body::Bytes;
use futures_util::Stream;

pub type ByteStream = Pin<Box<dyn Stream<Item = io::Result<Bytes>> + Send>>;
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = io::Result<T>> + Send + 'a>>;

pub trait FileStore: Send + Sync + 'static {
    /// Takes the complete temporary file `temp` into the store as `sha256` (hex). The
    /// temporary file is gone afterwards; content already stored is kept as it is.
    fn put<'a>(&'a self, temp: &'a Path, sha256: &'a str) -> StoreFuture<'a, ()>;
    /// The content stored as `sha256`, streamed.
    fn get<'a>(&'a self, sha256: &'a str) -> StoreFuture<'a, ByteStream>;
    /// Removes the content stored as `sha256` unless it was stored (or stored again) at
    /// `since` or later: an upload of the same content under way keeps it. `true` if
    /// removed; content already gone is no error.
    fn remove<'a>(&'a self, sha256: &'a str, since: SystemTime) -> StoreFuture<'a, bool>;
}

/// Files under a directory: `ab/cdef…` for the hash `abcdef…`; uploads are received in
/// its `tmp/` (on the same file system, so taking one in is a rename).
#[derive(Clone, Debug)]
pub struct LocalStore {
    root: PathBuf,
}

impl LocalStore {
    /// The store at `root` (created with its first file).
    pub fn new(root: &Path) -> Self {
        LocalStore {
            root: root.to_owned(),
        }
    }

    /// Removes the half-received uploads a crash left in `tmp/` (at start-up).
    pub fn clear_temp(&self) -> io::Result<()> {
        match std::fs::remove_dir_all(self.temp_dir()) {
            Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
            _ => Ok(()),
        }
    }

    /// The directory uploads are received in before they are complete.
    pub fn temp_dir(&self) -> PathBuf {
        self.root.join("tmp")
    }

    fn path_of(&self, sha256: &str) -> io::Result<PathBuf> {
        let valid = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit());
        if !valid {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a SHA-256"));
        }
        Ok(self.root.join(&sha256[..2]).join(&sha256[2..]))
    }
}

impl FileStore for LocalStore {
    fn put<'a>(&'a self, temp: &'a Path, sha256: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let path = self.path_of(sha256)?;
            if tokio::fs::try_exists(&path).await? {
                // Stored again: a removal of the unused content now keeps it.
                let file = std::fs::File::options().append(true).open(&path)?;
                file.set_modified(SystemTime::now())?;
                return tokio::fs::remove_file(temp).await;
            }
            if let Some(dir) = path.parent() {
                tokio::fs::create_dir_all(dir).await?;
            }
            // The content is on disk before its name is: a crash leaves no short file.
            tokio::fs::File::open(temp).await?.sync_all().await?;
            tokio::fs::rename(temp, &path).await
        })
    }

    fn get<'a>(&'a self, sha256: &'a str) -> StoreFuture<'a, ByteStream> {
        Box::pin(async move {
            let file = tokio::fs::File::open(self.path_of(sha256)?).await?;
            let stream: ByteStream = Box::pin(tokio_util::io::ReaderStream::new(file));
            Ok(stream)
        })
    }

    fn remove<'a>(&'a self, sha256: &'a str, since: SystemTime) -> StoreFuture<'a, bool> {
        Box::pin(async move {
            let path = self.path_of(sha256)?;
            let modified = match tokio::fs::metadata(&path).await {
                Ok(meta) => meta.modified()?,
                Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(false),
                Err(err) => return Err(err),
            };
            if modified >= since {
                return Ok(false);
            }
            tokio::fs::remove_file(&path).await?;
            Ok(true)
        })
    }
}

/// What [`LocalStore::ingest`] took in.
pub struct Ingested {
    pub sha256: String,
    pub size: u64,
    pub head: Vec<u8>,
    pub has_nul: bool,
}

impl LocalStore {
    /// Copies `content` into the store (blocking: for the command line and the seed),
    /// through a temporary file renamed into place when complete.
    pub fn ingest(&self, mut content: impl std::io::Read) -> io::Result<Ingested> {
        use sha2::{Digest, Sha256};
        use std::io::Write;
        let dir = self.temp_dir();
        std::fs::create_dir_all(&dir)?;
        let temp = dir.join(format!("ingest-{}.part", std::process::id()));
        let mut file = std::fs::File::create(&temp)?;
        let mut hasher = Sha256::new();
        let (mut size, mut head, mut has_nul) = (0u64, Vec::new(), false);
        let mut buffer = vec![0u8; 64 * 1024];
        loop {
            let n = content.read(&mut buffer)?;
            if n == 0 {
                break;
            }
            let chunk = &buffer[..n];
            hasher.update(chunk);
            has_nul |= chunk.contains(&0);
            let take = (super::kind::HEAD_BYTES.saturating_sub(head.len())).min(n);
            head.extend_from_slice(&chunk[..take]);
            size += n as u64;
            file.write_all(chunk)?;
        }
        file.sync_all()?;
        drop(file);
        let sha256: String = hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let path = self.path_of(&sha256)?;
        if path.exists() {
            std::fs::remove_file(&temp)?;
        } else {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::rename(&temp, &path)?;
        }
        Ok(Ingested {
            sha256,
            size,
            head,
            has_nul,
        })
    }

    /// Copies the content stored as `sha256` to `out` (blocking: for the command line).
    pub fn copy_out(&self, sha256: &str, out: &Path) -> io::Result<u64> {
        std::fs::copy(self.path_of(sha256)?, out)
    }
}
