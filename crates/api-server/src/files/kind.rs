//! The type of an uploaded file, decided by its content. The name's extension says what
//! the file claims to be; a format with a signature must carry it (an `.exe` renamed
//! `.png` is refused), text must be text, and CAD formats without a signature must at
//! least not be something else `infer` knows (a program, an archive).

use support_api::files::allowed_extension;

/// Field code of a file whose content is not what its name says, or not taken at all.
pub const FILE_TYPE: &str = "file_type";

/// What the receiver learnt of the content while streaming it.
pub struct Sniffed<'a> {
    /// The first bytes (up to [`HEAD_BYTES`]).
    pub head: &'a [u8],
    /// A NUL byte anywhere in the file.
    pub has_nul: bool,
}

/// How much of the start of a file is kept for the decision.
pub const HEAD_BYTES: usize = 64 * 1024;

/// The content type to store and serve, or why the file is refused.
pub fn decide(name: &str, sniffed: &Sniffed<'_>) -> Result<&'static str, &'static str> {
    let ext = allowed_extension(name).ok_or("this kind of file is not accepted")?;
    let found = infer::get(sniffed.head).map(|kind| kind.mime_type());
    let signed = |expected: &[&'static str]| match found {
        Some(mime) if expected.contains(&mime) => Ok(expected[0]),
        _ => Err("the content does not match the file's extension"),
    };
    match ext.as_str() {
        "png" => signed(&["image/png"]),
        "jpg" | "jpeg" => signed(&["image/jpeg"]),
        "gif" => signed(&["image/gif"]),
        "webp" => signed(&["image/webp"]),
        "pdf" => signed(&["application/pdf"]),
        "zip" => signed(&["application/zip"]),
        "7z" => signed(&["application/x-7z-compressed"]),
        // A 3DXML file is a zip archive, as are OOXML documents (which `infer` names only
        // when their first entries are in the head).
        "3dxml" => signed(&["application/zip"]).map(|_| "model/vnd.3dxml"),
        "docx" => signed(&[
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/zip",
        ]),
        "xlsx" => signed(&[
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/zip",
        ]),
        "pptx" => signed(&[
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/zip",
        ]),
        "doc" => signed(&["application/msword", "application/x-ole-storage"]),
        "xls" => signed(&["application/vnd.ms-excel", "application/x-ole-storage"]),
        "ppt" => signed(&["application/vnd.ms-powerpoint", "application/x-ole-storage"]),
        "txt" | "log" => text(sniffed, found, "text/plain; charset=utf-8"),
        "csv" => text(sniffed, found, "text/csv; charset=utf-8"),
        "json" => text(sniffed, found, "application/json"),
        "xml" => text(sniffed, found, "application/xml"),
        // STEP and IGES are text formats.
        "step" | "stp" => text(sniffed, found, "model/step"),
        "iges" | "igs" => text(sniffed, found, "model/iges"),
        // No signature: anything `infer` recognises is something else, except the OLE
        // container older SOLIDWORKS files use.
        "sldprt" | "sldasm" | "slddrw" => match found {
            None | Some("application/x-ole-storage") => Ok("application/octet-stream"),
            Some(_) => Err("the content does not match the file's extension"),
        },
        "stl" => unsigned(found, "model/stl"),
        _ => unsigned(found, "application/octet-stream"),
    }
}

fn unsigned(found: Option<&str>, mime: &'static str) -> Result<&'static str, &'static str> {
    match found {
        None => Ok(mime),
        Some(_) => Err("the content does not match the file's extension"),
    }
}

/// Text: no NUL byte anywhere, and UTF-8 at the start (a character cut by the end of the
/// head is fine). `infer` may see XML in it; nothing else.
fn text(
    sniffed: &Sniffed<'_>,
    found: Option<&str>,
    mime: &'static str,
) -> Result<&'static str, &'static str> {
    const REFUSED: &str = "the file is not text";
    if sniffed.has_nul || !matches!(found, None | Some("text/xml")) {
        return Err(REFUSED);
    }
    match std::str::from_utf8(sniffed.head) {
        Ok(_) => Ok(mime),
        // Only an incomplete last character (at most 3 bytes) is forgiven.
        Err(err) if err.error_len().is_none() && sniffed.head.len() - err.valid_up_to() < 4 => {
            Ok(mime)
        }
        Err(_) => Err(REFUSED),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
    const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0\xb8\0\0\0\0\0\0\0@\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x80\0\0\0PE\0\0";

    fn decide_bytes(name: &str, head: &[u8]) -> Result<&'static str, &'static str> {
        decide(
            name,
            &Sniffed {
                head,
                has_nul: head.contains(&0),
            },
        )
    }

    #[test]
    fn signatures_decide() {
        assert_eq!(decide_bytes("shot.PNG", PNG), Ok("image/png"));
        assert!(decide_bytes("shot.png", EXE).is_err());
        assert!(decide_bytes("shot.png", b"hello").is_err());
        assert!(decide_bytes("setup.exe", EXE).is_err());
        assert!(decide_bytes("part.CATPart", EXE).is_err());
        assert_eq!(
            decide_bytes("part.CATPart", b"V5_CFV2\0\0\x01binary"),
            Ok("application/octet-stream")
        );
        assert!(decide_bytes("model.3dxml", PNG).is_err());
    }

    #[test]
    fn text_must_be_text() {
        assert_eq!(
            decide_bytes("CATReport.log", "Zażółć gęślą jaźń\n".as_bytes()),
            Ok("text/plain; charset=utf-8")
        );
        assert_eq!(
            decide_bytes("bracket.stp", b"ISO-10303-21;\nHEADER;\n"),
            Ok("model/step")
        );
        assert!(decide_bytes("a.log", b"abc\0def").is_err());
        assert!(decide_bytes("a.csv", b"\xff\xfe\xfa").is_err());
        assert!(decide_bytes("a.txt", EXE).is_err());
        // A character cut at the end of the head is fine.
        assert!(decide_bytes("a.txt", &"ż".as_bytes()[..1]).is_ok());
    }
}
