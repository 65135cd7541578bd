//! Receives one uploaded file: streamed chunk by chunk into a temporary file while its
//! SHA-256, its size and what the type decision needs are taken, so memory holds one
//! chunk and the head, never the file.

use std::path::{Path, PathBuf};

use axum::body::Bytes;
use futures_util::{Stream, StreamExt};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use super::kind::HEAD_BYTES;

/// A complete upload in a temporary file (removed on drop unless taken).
pub struct Received {
    pub temp: TempFile,
    pub size: u64,
    pub sha256: String,
    pub head: Vec<u8>,
    pub has_nul: bool,
}

/// Why receiving stopped.
#[derive(Debug)]
pub enum ReceiveError {
    /// More than the limit was sent.
    TooLarge,
    /// The client's stream broke (a cut connection, bad multipart).
    Body(String),
    Io(std::io::Error),
}

impl From<std::io::Error> for ReceiveError {
    fn from(err: std::io::Error) -> Self {
        ReceiveError::Io(err)
    }
}

/// A temporary file deleted when dropped (an upload refused or broken off leaves nothing).
pub struct TempFile(Option<PathBuf>);

impl TempFile {
    pub fn path(&self) -> &Path {
        self.0.as_deref().unwrap_or(Path::new(""))
    }

    /// The file is someone else's now (moved into the store): do not delete it.
    pub fn keep(mut self) {
        self.0 = None;
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            // Best effort: the store empties `tmp/` at every start anyway.
            let _ = std::fs::remove_file(path);
        }
    }
}

/// A name no other upload uses, in `dir`.
fn temp_name(dir: &Path) -> PathBuf {
    let mut random = [0u8; 16];
    // Without randomness the process id and time still separate uploads well enough.
    if getrandom::fill(&mut random).is_err() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        random = now.to_le_bytes();
    }
    let hex: String = random.iter().map(|b| format!("{b:02x}")).collect();
    dir.join(format!("{hex}.part"))
}

/// Writes `chunks` into a new file in `dir`, refusing more than `max` bytes.
pub async fn receive<S>(dir: &Path, max: u64, chunks: S) -> Result<Received, ReceiveError>
where
    S: Stream<Item = Result<Bytes, ReceiveError>>,
{
    let mut chunks = std::pin::pin!(chunks);
    tokio::fs::create_dir_all(dir).await?;
    let temp = TempFile(Some(temp_name(dir)));
    let mut file = tokio::fs::File::create(temp.path()).await?;
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut head = Vec::new();
    let mut has_nul = false;
    while let Some(chunk) = chunks.next().await.transpose()? {
        size += chunk.len() as u64;
        if size > max {
            return Err(ReceiveError::TooLarge);
        }
        hasher.update(&chunk);
        has_nul |= chunk.contains(&0);
        if head.len() < HEAD_BYTES {
            let take = (HEAD_BYTES - head.len()).min(chunk.len());
            head.extend_from_slice(&chunk[..take]);
        }
        file.write_all(&chunk).await?;
    }
    file.flush().await?;
    drop(file);
    let sha256 = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Received {
        temp,
        size,
        sha256,
        head,
        has_nul,
    })
}
