//! Files on requests and comments: how uploads are received and typed, where the bytes
//! are stored, and how they are scanned for malware before anyone may download them.

pub mod clamd;
pub mod kind;
pub mod receive;
#[cfg(feature = "s3")]
pub mod s3;
pub mod scanner;
pub mod store;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use support_api::files::{EXTENSIONS, FILE_MAX_DEFAULT, FileLimits, REQUEST_FILES_MAX_DEFAULT};

use self::clamd::ClamdAddr;
use self::store::{FileStore, LocalStore};

/// The options of `serve` about files; each field's doc is its `--help` text.
#[derive(Clone, Debug, PartialEq, Eq, clap::Args)]
pub struct FileConfig {
    /// Where uploaded files are kept [default: `files` beside the database].
    #[arg(long, value_name = "DIR", env = "PORTAL_FILES_DIR")]
    pub files_dir: Option<PathBuf>,
    /// The largest file taken, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = FILE_MAX_DEFAULT)]
    pub file_max_bytes: u64,
    /// The largest total of one request's files, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = REQUEST_FILES_MAX_DEFAULT)]
    pub request_files_max_bytes: u64,
    /// ClamAV's daemon: the path of its Unix socket, or host:port. Without it (and
    /// without `--no-scan`) files stay pending: nothing is served unscanned.
    #[arg(long, value_name = "SOCKET", env = "PORTAL_CLAMD")]
    pub clamd: Option<String>,
    /// Marks every upload clean without scanning: only for deployments that scan files
    /// elsewhere.
    #[arg(long)]
    pub no_scan: bool,
    /// Keeps files in this S3 bucket instead of `--files-dir` (credentials and region from
    /// the `AWS_*` environment variables). Builds with the `s3` feature only.
    #[arg(long, value_name = "BUCKET", env = "PORTAL_S3_BUCKET")]
    pub s3_bucket: Option<String>,
    /// The S3 endpoint of a server other than AWS (MinIO, s3rver): `http://host:port`.
    #[arg(long, value_name = "URL", env = "PORTAL_S3_ENDPOINT")]
    pub s3_endpoint: Option<String>,
}

impl Default for FileConfig {
    fn default() -> Self {
        FileConfig {
            files_dir: None,
            file_max_bytes: FILE_MAX_DEFAULT,
            request_files_max_bytes: REQUEST_FILES_MAX_DEFAULT,
            clamd: None,
            no_scan: false,
            s3_bucket: None,
            s3_endpoint: None,
        }
    }
}

impl FileConfig {
    /// The store's directory: `--files-dir`, or `files` beside the database.
    pub fn dir(&self, db: &Path) -> PathBuf {
        self.files_dir
            .clone()
            .unwrap_or_else(|| db.parent().unwrap_or(Path::new(".")).join("files"))
    }
}

/// What handlers and the scanner share about files.
pub struct Files {
    pub store: Arc<dyn FileStore>,
    /// Where uploads are received before they are complete.
    pub temp_dir: PathBuf,
    pub limits: FileLimits,
    pub clamd: Option<ClamdAddr>,
    pub no_scan: bool,
    /// Wakes the scanner when a file arrives.
    pub arrived: tokio::sync::Notify,
}

impl Files {
    /// The local store under `config.dir(db)`.
    pub fn local(config: &FileConfig, db: &Path) -> Self {
        let store = LocalStore::new(&config.dir(db));
        Files {
            temp_dir: store.temp_dir(),
            store: Arc::new(store),
            limits: FileLimits {
                file_max_bytes: config.file_max_bytes,
                request_max_bytes: config.request_files_max_bytes,
                extensions: EXTENSIONS.iter().map(|e| (*e).to_owned()).collect(),
            },
            clamd: config.clamd.as_deref().map(ClamdAddr::parse),
            no_scan: config.no_scan,
            arrived: tokio::sync::Notify::new(),
        }
    }

    /// As configured: the S3 bucket when `--s3-bucket` is given (uploads are still
    /// received in the local `tmp/` first), else the local store.
    pub fn configured(config: &FileConfig, db: &Path) -> Result<Self, String> {
        let files = Files::local(config, db);
        let Some(bucket) = &config.s3_bucket else {
            return Ok(files);
        };
        #[cfg(feature = "s3")]
        {
            let store = s3::S3Store::new(&s3::S3Config {
                bucket: bucket.clone(),
                endpoint: config.s3_endpoint.clone(),
            })
            .map_err(|err| format!("the S3 bucket {bucket}: {err}"))?;
            Ok(Files {
                store: Arc::new(store),
                ..files
            })
        }
        #[cfg(not(feature = "s3"))]
        {
            let _ = files;
            Err(format!(
                "--s3-bucket {bucket}: this server was built without the `s3` feature"
            ))
        }
    }
}
