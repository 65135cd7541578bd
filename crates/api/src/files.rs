//! Files on requests and comments: what the API lists about each, the limits the portal
//! reads before uploading, and the names and kinds of file the server takes. The server
//! decides a file's type by its content; the lists here let the portal refuse early.

use serde::{Deserialize, Serialize};

use crate::validation::{FieldErrors, codes};

/// Default largest file, in bytes (the server's `--file-max-bytes`).
pub const FILE_MAX_DEFAULT: u64 = 100 * 1024 * 1024;
/// Default largest total of one request's files (the server's `--request-files-max-bytes`).
pub const REQUEST_FILES_MAX_DEFAULT: u64 = 1024 * 1024 * 1024;
/// Longest file name kept (longer ones are cut, keeping the extension).
pub const FILE_NAME_MAX: usize = 200;
/// The multipart field that carries the file.
pub const FILE_FIELD: &str = "file";

/// A file's id (in `FileInfo`, and in the `files` of a new request or comment).
pub type FileId = i64;
/// Most staged files one new request or comment takes.
pub const FILES_PER_SEND_MAX: usize = 20;
/// The field of a new request or comment that names its staged files.
pub const FILES_FIELD: &str = "files";

/// Extensions (lower case, no dot) of the kinds of file taken. Formats with a signature
/// are checked against it; the others (CAD, text) by what their content may be.
pub const EXTENSIONS: &[&str] = &[
    "png",
    "jpg",
    "jpeg",
    "gif",
    "webp",
    "pdf",
    "txt",
    "log",
    "csv",
    "json",
    "xml",
    "zip",
    "7z",
    "docx",
    "xlsx",
    "pptx",
    "doc",
    "xls",
    "ppt",
    "catpart",
    "catproduct",
    "catdrawing",
    "cgr",
    "sldprt",
    "sldasm",
    "slddrw",
    "step",
    "stp",
    "iges",
    "igs",
    "stl",
    "3dxml",
];

/// Where a file is in the malware check: only `clean` files can be downloaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ScanStatus {
    /// Waiting for the virus check (also while the scanner cannot be reached).
    Pending,
    Clean,
    /// The scanner found malware: never served.
    Blocked,
}

impl ScanStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ScanStatus::Pending => "pending",
            ScanStatus::Clean => "clean",
            ScanStatus::Blocked => "blocked",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [ScanStatus::Pending, ScanStatus::Clean, ScanStatus::Blocked]
            .into_iter()
            .find(|status| status.as_str() == s)
    }
}

/// A file on a request (`comment_id` empty) or on one of its comments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FileInfo {
    pub id: i64,
    pub name: String,
    /// Bytes.
    pub size: u64,
    /// Decided by the server from the content.
    pub content_type: String,
    pub uploaded_by: String,
    /// Added by the support team rather than the customer.
    pub staff: bool,
    /// RFC 3339 UTC.
    pub uploaded_at: String,
    pub scan: ScanStatus,
    /// The comment it belongs to (its `id` in the timeline), if any.
    pub comment_id: Option<i64>,
}

impl FileInfo {
    /// Shown inline as a preview: a clean image (never anything the scanner has not passed).
    pub fn is_previewable(&self) -> bool {
        self.scan == ScanStatus::Clean
            && matches!(
                self.content_type.as_str(),
                "image/png" | "image/jpeg" | "image/gif" | "image/webp"
            )
    }
}

/// `GET /files/limits`: what the server takes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FileLimits {
    /// Largest file, in bytes.
    pub file_max_bytes: u64,
    /// Largest total of one request's files (with its comments'), in bytes.
    pub request_max_bytes: u64,
    /// Extensions taken, lower case without the dot.
    pub extensions: Vec<String>,
}

/// The staged files a new request or comment names: at most [`FILES_PER_SEND_MAX`], each
/// once. Whether each is the caller's own staged file only the server can tell.
pub fn check_file_ids(errors: &mut FieldErrors, ids: &[FileId]) {
    if ids.len() > FILES_PER_SEND_MAX {
        errors.push(FILES_FIELD, codes::TOO_MANY, "too many files");
    } else if ids.iter().enumerate().any(|(i, id)| ids[..i].contains(id)) {
        errors.push(FILES_FIELD, codes::INVALID_VALUE, "a file is named twice");
    }
}

/// The extension of `name`, lower case, if it is one of [`EXTENSIONS`].
pub fn allowed_extension(name: &str) -> Option<String> {
    let (_, ext) = name.rsplit_once('.')?;
    let ext = ext.to_ascii_lowercase();
    EXTENSIONS.contains(&ext.as_str()).then_some(ext)
}

/// A name safe to store and to show: the last path segment only, no control characters or
/// bidirectional overrides (which make `gpj.exe` read as `exe.jpg`), no leading dots, at
/// most [`FILE_NAME_MAX`] characters with the extension kept. `None` if nothing is left.
pub fn sanitize_name(raw: &str) -> Option<String> {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    if cleaned.is_empty() {
        return None;
    }
    if cleaned.chars().count() <= FILE_NAME_MAX {
        return Some(cleaned.to_owned());
    }
    let ext = cleaned
        .rsplit_once('.')
        .map(|(_, ext)| ext)
        .filter(|ext| ext.chars().count() < 16)
        .unwrap_or_default();
    let keep = FILE_NAME_MAX - ext.chars().count() - 1;
    let stem: String = cleaned.chars().take(keep).collect();
    Some(format!("{stem}.{ext}"))
}

/// Unicode's bidirectional formatting characters (embeddings, overrides, isolates, marks).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_paths_controls_and_bidi_overrides() {
        assert_eq!(sanitize_name("../../etc/passwd").as_deref(), Some("passwd"));
        assert_eq!(
            sanitize_name("C:\\x\\shot.png").as_deref(),
            Some("shot.png")
        );
        assert_eq!(
            sanitize_name("inv\u{202E}gpj.exe").as_deref(),
            Some("invgpj.exe")
        );
        assert_eq!(sanitize_name("a\nb\u{0}.log").as_deref(), Some("ab.log"));
        assert_eq!(sanitize_name(".hidden").as_deref(), Some("hidden"));
        assert_eq!(sanitize_name(" /  ").as_deref(), None);
        let long = format!("{}.CATPart", "x".repeat(300));
        let cut = sanitize_name(&long).unwrap();
        assert_eq!(cut.chars().count(), FILE_NAME_MAX);
        assert!(cut.ends_with(".CATPart"));
    }

    #[test]
    fn a_send_names_few_files_each_once() {
        let check = |ids: &[FileId]| {
            let mut errors = FieldErrors::default();
            check_file_ids(&mut errors, ids);
            errors.code_for(FILES_FIELD).map(str::to_owned)
        };
        assert_eq!(check(&[]), None);
        assert_eq!(check(&[1, 2, 3]), None);
        assert_eq!(check(&[1, 2, 1]).as_deref(), Some(codes::INVALID_VALUE));
        let many: Vec<FileId> = (1..=21).collect();
        assert_eq!(check(&many).as_deref(), Some(codes::TOO_MANY));
    }

    #[test]
    fn extensions_are_matched_case_blind() {
        assert_eq!(
            allowed_extension("Part1.CATPart").as_deref(),
            Some("catpart")
        );
        assert_eq!(allowed_extension("x.STP").as_deref(), Some("stp"));
        assert_eq!(allowed_extension("x.exe"), None);
        assert_eq!(allowed_extension("noext"), None);
    }

    #[test]
    fn only_clean_images_are_previewed() {
        let mut file = FileInfo {
            id: 1,
            name: "a.png".into(),
            size: 1,
            content_type: "image/png".into(),
            uploaded_by: "A".into(),
            staff: false,
            uploaded_at: "2026-01-01T00:00:00Z".into(),
            scan: ScanStatus::Pending,
            comment_id: None,
        };
        assert!(!file.is_previewable());
        file.scan = ScanStatus::Clean;
        assert!(file.is_previewable());
        file.content_type = "application/pdf".into();
        assert!(!file.is_previewable());
    }
}
