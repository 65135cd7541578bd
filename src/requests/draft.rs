//! A half-written request as kept in the browser's storage. Pure, tested natively.

use support_api::files::{FileId, FileInfo, ScanStatus};
use support_api::requests::RequestType;

use super::form::{FormState, Text};

/// A half-written request as kept in `localStorage`: the form as typed, and the
/// idempotency key created with the draft, so that sending it again (after a network
/// failure, a reload or a double click) creates one request.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub key: String,
    /// When it was last saved, in milliseconds since the epoch.
    pub saved_at: i64,
    pub form: FormState,
    /// Files uploaded with the draft (staged on the server until it is sent).
    pub files: Vec<StagedFile>,
}

/// A file uploaded for a draft, as the draft keeps it: a browser cannot give the `File`
/// back after a reload, but the server keeps the upload for the request to take.
#[derive(Clone, Debug, PartialEq)]
pub struct StagedFile {
    pub id: FileId,
    pub name: String,
    pub size: u64,
    pub content_type: String,
    pub scan: ScanStatus,
}

impl From<FileInfo> for StagedFile {
    fn from(file: FileInfo) -> Self {
        StagedFile {
            id: file.id,
            name: file.name,
            size: file.size,
            content_type: file.content_type,
            scan: file.scan,
        }
    }
}

impl StagedFile {
    /// `id size scan type name`, tab-separated; only the name may hold an escaped tab.
    fn encode(&self) -> String {
        format!(
            "file\t{}\t{}\t{}\t{}\t{}\n",
            self.id,
            self.size,
            self.scan.as_str(),
            escape(&self.content_type),
            escape(&self.name)
        )
    }

    fn decode(raw: &str) -> Option<StagedFile> {
        let mut parts = raw.splitn(5, '\t');
        Some(StagedFile {
            id: parts.next()?.parse().ok()?,
            size: parts.next()?.parse().ok()?,
            scan: ScanStatus::parse(parts.next()?)?,
            content_type: unescape(parts.next()?),
            name: unescape(parts.next()?),
        })
    }
}

/// Per user and request type: two people sharing a browser never see each other's drafts.
pub fn draft_storage_key(user_id: i64, kind: RequestType) -> String {
    format!("portal.request-draft.{user_id}.{}", kind.as_str())
}

/// First line of a stored draft; a draft of another version is not offered back.
const DRAFT_HEADER: &str = "portal-draft/1";

/// Tabs, newlines and backslashes escaped, so that a value stays on its line.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

impl Draft {
    /// One `name<TAB>value` line per field after a version line: plain text, so that a
    /// draft needs no JSON code in the wasm and survives fields being added or removed.
    pub fn encode(&self) -> String {
        let mut out = format!(
            "{DRAFT_HEADER}\nkey\t{}\nsaved\t{}\n",
            escape(&self.key),
            self.saved_at
        );
        for t in Text::ALL {
            out.push_str(&format!(
                "{}\t{}\n",
                t.fields()[0],
                escape(self.form.text(t))
            ));
        }
        for day in &self.form.dates {
            out.push_str(&format!("date\t{}\n", escape(day)));
        }
        for file in &self.files {
            out.push_str(&file.encode());
        }
        out
    }

    /// A stored draft, or `None` when it is missing, of another version, or without a
    /// usable key (then it is not offered back). Unknown lines are ignored; missing
    /// fields take their defaults.
    pub fn decode(stored: Option<&str>) -> Option<Draft> {
        let mut lines = stored?.lines();
        if lines.next()? != DRAFT_HEADER {
            return None;
        }
        let mut draft = Draft {
            key: String::new(),
            saved_at: 0,
            form: FormState::default(),
            files: Vec::new(),
        };
        let mut dates = Vec::new();
        for line in lines {
            let Some((name, value)) = line.split_once('\t') else {
                continue;
            };
            if name == "file" {
                draft.files.extend(StagedFile::decode(value));
                continue;
            }
            let value = unescape(value);
            match name {
                "key" => draft.key = value,
                "saved" => draft.saved_at = value.parse().unwrap_or(0),
                "date" => dates.push(value),
                _ => {
                    if let Some(t) = Text::ALL.into_iter().find(|t| t.fields()[0] == name) {
                        *draft.form.text_mut(t) = value;
                    }
                }
            }
        }
        if !dates.is_empty() {
            draft.form.dates = dates;
        }
        let key_ok = (8..=100).contains(&draft.key.len())
            && draft
                .key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        key_ok.then_some(draft)
    }
}

/// Sixteen random bytes as a version 4 UUID (`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`).
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push_str(&format!("{b:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::requests::form::filled;

    #[test]
    fn drafts_round_trip() {
        let draft = Draft {
            key: "3f0e2a4c-1b7d-4c1e-9a51-2f7a0f1c9b11".into(),
            saved_at: 1_795_676_400_000,
            form: FormState {
                description: "Line one\n\tindented \\ back\\slash\r\nend".into(),
                dates: vec!["2026-12-01".into(), String::new(), "2026-12-03".into()],
                course_mode: "custom".into(),
                ..filled()
            },
            files: vec![
                StagedFile {
                    id: 41,
                    name: "zrzut\tekranu \\ 1.png".into(),
                    size: 1765,
                    content_type: "image/png".into(),
                    scan: ScanStatus::Clean,
                },
                StagedFile {
                    id: 42,
                    name: "CATReport.log".into(),
                    size: 52_428_800,
                    content_type: "text/plain".into(),
                    scan: ScanStatus::Pending,
                },
            ],
        };
        let encoded = draft.encode();
        assert_eq!(encoded.lines().next(), Some("portal-draft/1"));
        assert_eq!(Draft::decode(Some(&encoded)), Some(draft));
    }

    #[test]
    fn old_or_broken_drafts_are_not_offered() {
        assert_eq!(Draft::decode(None), None);
        assert_eq!(Draft::decode(Some("")), None);
        assert_eq!(Draft::decode(Some("{\"v\":1}")), None);
        assert_eq!(
            Draft::decode(Some("portal-draft/2\nkey\tabcdefgh-1\n")),
            None
        );
        assert_eq!(
            Draft::decode(Some("portal-draft/1\nkey\ta b c d e f\n")),
            None
        );
        assert_eq!(Draft::decode(Some("portal-draft/1\ntitle\tx\n")), None);
        // A file line that does not read is left out, the rest of the draft stays.
        let broken_file = "portal-draft/1\nkey\tabcdefgh-1\nfile\tx\t1\tclean\ttext/plain\ta.log\n\
                           file\t7\t1\tinfected\ttext/plain\tb.log\nfile\t8\t1\n";
        assert_eq!(
            Draft::decode(Some(broken_file)).map(|d| d.files),
            Some(Vec::new())
        );
        // Missing fields take their defaults; unknown lines are ignored.
        let sparse = "portal-draft/1\nkey\tabcdefgh-1\ntitle\tx\nfuture_field\ty\nbroken line\n";
        let draft = Draft::decode(Some(sparse));
        assert_eq!(draft.as_ref().map(|d| d.saved_at), Some(0));
        assert_eq!(
            draft.map(|d| d.form),
            Some(FormState {
                title: "x".into(),
                ..FormState::default()
            })
        );
    }

    #[test]
    fn random_bytes_make_a_version_4_uuid() {
        let key = uuid_v4([0xff; 16]);
        assert_eq!(key, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
        let draft = Draft {
            key,
            saved_at: 0,
            form: FormState::default(),
            files: Vec::new(),
        };
        assert!(Draft::decode(Some(&draft.encode())).is_some());
    }

    #[test]
    fn drafts_are_kept_per_user_and_type() {
        assert_eq!(
            draft_storage_key(42, RequestType::OnsiteService),
            "portal.request-draft.42.onsite_service"
        );
        assert_ne!(
            draft_storage_key(1, RequestType::Training),
            draft_storage_key(2, RequestType::Training)
        );
    }
}
