//! The file store in an S3-compatible bucket (feature `s3`, `serve --s3-bucket`), through
//! `object_store`. An object appears only when its upload completes, so the store keeps
//! the local one's promise: no half file is ever visible. Uploads go up in 5 MiB parts,
//! at most two at a time per file, so memory stays bounded per upload.

use std::io;
use std::path::Path;
use std::time::SystemTime;

use futures_util::StreamExt;
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, WriteMultipart};
use tokio::io::AsyncReadExt;

use super::store::{ByteStream, FileStore, StoreFuture};

/// Parts in flight per upload.
const PARTS_IN_FLIGHT: usize = 2;

pub struct S3Store {
    bucket: AmazonS3,
}

/// Where the bucket is: its name, and an endpoint for a server other than AWS (MinIO,
/// s3rver). Credentials and region come from the usual `AWS_*` environment variables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct S3Config {
    pub bucket: String,
    pub endpoint: Option<String>,
}

impl S3Store {
    pub fn new(config: &S3Config) -> io::Result<Self> {
        let mut builder = AmazonS3Builder::from_env().with_bucket_name(&config.bucket);
        if let Some(endpoint) = &config.endpoint {
            builder = builder
                .with_endpoint(endpoint)
                .with_allow_http(endpoint.starts_with("http://"));
        }
        let bucket = builder.build().map_err(io::Error::other)?;
        Ok(S3Store { bucket })
    }

    fn path_of(sha256: &str) -> io::Result<ObjectPath> {
        let valid = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit());
        if !valid {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a SHA-256"));
        }
        Ok(ObjectPath::from(format!(
            "files/{}/{}",
            &sha256[..2],
            &sha256[2..]
        )))
    }

    async fn upload(&self, temp: &Path, path: &ObjectPath) -> io::Result<()> {
        if self.bucket.head(path).await.is_ok() {
            return Ok(());
        }
        let upload = self
            .bucket
            .put_multipart(path)
            .await
            .map_err(io::Error::other)?;
        let mut writer = WriteMultipart::new(upload);
        let mut file = tokio::fs::File::open(temp).await?;
        let mut buffer = vec![0u8; 1024 * 1024];
        loop {
            let n = file.read(&mut buffer).await?;
            if n == 0 {
                break;
            }
            writer
                .wait_for_capacity(PARTS_IN_FLIGHT)
                .await
                .map_err(io::Error::other)?;
            writer.write(&buffer[..n]);
        }
        writer.finish().await.map_err(io::Error::other)?;
        Ok(())
    }
}

impl FileStore for S3Store {
    fn put<'a>(&'a self, temp: &'a Path, sha256: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let path = Self::path_of(sha256)?;
            let uploaded = self.upload(temp, &path).await;
            // The temporary file goes either way: a failed upload is sent again whole.
            let removed = tokio::fs::remove_file(temp).await;
            uploaded.and(removed)
        })
    }

    fn get<'a>(&'a self, sha256: &'a str) -> StoreFuture<'a, ByteStream> {
        Box::pin(async move {
            let path = Self::path_of(sha256)?;
            let answer = self.bucket.get(&path).await.map_err(io::Error::other)?;
            let stream: ByteStream = Box::pin(
                answer
                    .into_stream()
                    .map(|chunk| chunk.map_err(io::Error::other)),
            );
            Ok(stream)
        })
    }

    fn remove<'a>(&'a self, sha256: &'a str, since: SystemTime) -> StoreFuture<'a, bool> {
        Box::pin(async move {
            let path = Self::path_of(sha256)?;
            let Ok(meta) = self.bucket.head(&path).await else {
                return Ok(false);
            };
            if SystemTime::from(meta.last_modified) >= since {
                return Ok(false);
            }
            self.bucket.delete(&path).await.map_err(io::Error::other)?;
            Ok(true)
        })
    }
}
