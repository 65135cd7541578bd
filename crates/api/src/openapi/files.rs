//! The paths of files: uploads to a request or a comment, staged uploads, downloads and
//! the limits, merged into the document by [`super::document`].

use utoipa::OpenApi;

use super::*;
use crate::files::*;

#[derive(OpenApi)]
#[openapi(
    paths(
        upload_request_file, upload_comment_file, download_file, file_limits,
        stage_upload, unstage_upload,
    ),
    components(schemas(FileInfo, FileLimits, ScanStatus, FileUpload)),
    tags((name = "files"))
)]
pub struct FilesDoc;

/// Body of the uploads: one file, `multipart/form-data`, in the part named `file` (its
/// part's filename is the file's name).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct FileUpload {
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Adds a file to a request (idempotent: the same key with the same file creates one).
/// The server decides its type by the content: a refused type, or content that does not
/// match the name's extension, is a 422 with field `file`, code `file_type`. Over the
/// per-file limit or the request's total (`GET /files/limits`): 413. The file is
/// `pending` until the virus check passes it.
#[utoipa::path(post, path = "/api/v1/requests/{id}/files", tag = "files",
    request_body(content = FileUpload, content_type = "multipart/form-data"),
    params(
        ("id" = i64, Path),
        ("Idempotency-Key" = String, Header, description = "A fresh key per file (1 to 200 visible ASCII characters)", pattern = "^[!-~]{1,200}$"),
        Csrf,
    ),
    responses(
        (status = 201, description = "Stored: the file, pending or clean", body = FileInfo),
        (status = 400, description = "The multipart body is broken", body = Problem, content_type = "application/problem+json"),
        Unauthenticated,
        CsrfRefused,
        NotFound,
        KeyReused,
        PayloadTooLarge,
        (status = 415, description = "The body is not multipart/form-data", body = Problem, content_type = "application/problem+json"),
        Unprocessable,
    ))]
#[allow(dead_code)]
fn upload_request_file() {}

/// Adds a file to a comment of the request (the comment's `id` in the timeline); as
/// `POST /requests/{id}/files` otherwise.
#[utoipa::path(post, path = "/api/v1/requests/{id}/comments/{comment}/files", tag = "files",
    request_body(content = FileUpload, content_type = "multipart/form-data"),
    params(
        ("id" = i64, Path),
        ("comment" = i64, Path),
        ("Idempotency-Key" = String, Header, description = "A fresh key per file (1 to 200 visible ASCII characters)", pattern = "^[!-~]{1,200}$"),
        Csrf,
    ),
    responses(
        (status = 201, description = "Stored: the file, pending or clean", body = FileInfo),
        (status = 400, description = "The multipart body is broken", body = Problem, content_type = "application/problem+json"),
        Unauthenticated,
        CsrfRefused,
        NotFound,
        KeyReused,
        PayloadTooLarge,
        (status = 415, description = "The body is not multipart/form-data", body = Problem, content_type = "application/problem+json"),
        Unprocessable,
    ))]
#[allow(dead_code)]
fn upload_comment_file() {}

/// Downloads a clean file, always as an attachment (`Content-Disposition` with the
/// RFC 6266 name, `nosniff`, a sandboxing CSP).
#[utoipa::path(get, path = "/api/v1/files/{id}", tag = "files",
    params(("id" = i64, Path)),
    responses(
        (status = 200, description = "The file's bytes, as the type the server decided (`content_type`)", content_type = "*/*", body = Vec<u8>),
        Unauthenticated,
        NotFound,
        (status = 409, description = "The file is pending the virus check, or blocked by it", body = Problem, content_type = "application/problem+json"),
    ))]
#[allow(dead_code)]
fn download_file() {}

/// What the server takes: the largest file, the largest total per request, extensions.
#[utoipa::path(get, path = "/api/v1/files/limits", tag = "files",
    responses(
        (status = 200, description = "The limits", body = FileLimits),
        Unauthenticated,
    ))]
#[allow(dead_code)]
fn file_limits() {}

/// Uploads a file before the request or comment it goes with exists (idempotent like the
/// other uploads; the same type checks, per-file limit and virus check). The file is
/// staged: the uploader's alone, on no request and counted against nothing, until the
/// `files` of a new request or comment of theirs name it; one never named is removed
/// after 7 days.
#[utoipa::path(post, path = "/api/v1/uploads", tag = "files",
    request_body(content = FileUpload, content_type = "multipart/form-data"),
    params(
        ("Idempotency-Key" = String, Header, description = "A fresh key per file (1 to 200 visible ASCII characters)", pattern = "^[!-~]{1,200}$"),
        Csrf,
    ),
    responses(
        (status = 201, description = "Staged: the file, pending or clean", body = FileInfo),
        (status = 400, description = "The multipart body is broken", body = Problem, content_type = "application/problem+json"),
        Unauthenticated,
        CsrfRefused,
        KeyReused,
        PayloadTooLarge,
        (status = 415, description = "The body is not multipart/form-data", body = Problem, content_type = "application/problem+json"),
        Unprocessable,
    ))]
#[allow(dead_code)]
fn stage_upload() {}

/// The uploader takes a staged file back. Another user's, another customer's, or a file
/// already on a request is a 404.
#[utoipa::path(delete, path = "/api/v1/uploads/{id}", tag = "files",
    params(("id" = i64, Path), Csrf),
    responses(
        (status = 204, description = "Removed"),
        Unauthenticated,
        CsrfRefused,
        (status = 404, description = "No staged file of the signed-in user", body = Problem, content_type = "application/problem+json"),
    ))]
#[allow(dead_code)]
fn unstage_upload() {}
