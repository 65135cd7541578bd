//! Where to send a person after signing in, and how to ask for it: pure string logic,
//! tested natively.

/// The sign-in route.
pub const SIGN_IN_PATH: &str = "/sign-in";

/// The `next` target if it is a path on this origin, else `/`.
///
/// Refused: anything not starting with a single `/` (`//host` and `/\host` are other
/// origins to a browser), backslashes and control characters anywhere (browsers turn
/// `\` into `/` and drop tabs and newlines, which would make `/\t/host` into `//host`),
/// and the sign-in page itself (no loop).
pub fn safe_next(raw: Option<&str>) -> String {
    let Some(next) = raw else {
        return "/".to_owned();
    };
    let bytes = next.as_bytes();
    let same_origin_path = bytes.first() == Some(&b'/')
        && !matches!(bytes.get(1), Some(b'/') | Some(b'\\'))
        && !next.chars().any(|c| c == '\\' || c.is_control());
    if !same_origin_path || is_sign_in(next) {
        return "/".to_owned();
    }
    next.to_owned()
}

fn is_sign_in(path: &str) -> bool {
    match path.strip_prefix(SIGN_IN_PATH) {
        Some(rest) => rest.is_empty() || rest.starts_with(['?', '#', '/']),
        None => false,
    }
}

/// `/sign-in`, with `?next=` when there is somewhere worth coming back to.
pub fn sign_in_url(next: &str) -> String {
    let next = safe_next(Some(next));
    if next == "/" {
        SIGN_IN_PATH.to_owned()
    } else {
        format!("{SIGN_IN_PATH}?next={}", encode_component(&next))
    }
}

/// The path and query of the current page, from the router's pathname and its
/// search string (which comes without the `?`).
pub fn path_and_query(pathname: &str, search: &str) -> String {
    let search = search.strip_prefix('?').unwrap_or(search);
    if search.is_empty() {
        pathname.to_owned()
    } else {
        format!("{pathname}?{search}")
    }
}

/// Percent-encodes like JavaScript's `encodeURIComponent`.
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3 / 2);
    for byte in value.bytes() {
        let keep = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')'
            );
        if keep {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_same_origin_paths() {
        for good in [
            "/",
            "/requests/42",
            "/requests?status=open&q=a b",
            "/credit#ledger",
            "/sign-in-help",
        ] {
            assert_eq!(safe_next(Some(good)), good);
        }
    }

    #[test]
    fn refuses_other_origins_and_tricks() {
        for bad in [
            "",
            "requests",
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/x\\y",
            "https://evil.example/",
            "javascript:alert(1)",
            " /requests",
        ] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad:?}");
        }
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn never_comes_back_to_sign_in() {
        for path in ["/sign-in", "/sign-in?next=/x", "/sign-in#top", "/sign-in/"] {
            assert_eq!(safe_next(Some(path)), "/", "{path}");
        }
    }

    #[test]
    fn builds_sign_in_urls() {
        assert_eq!(sign_in_url("/"), "/sign-in");
        assert_eq!(sign_in_url("/sign-in?next=/x"), "/sign-in");
        assert_eq!(sign_in_url("//evil.example"), "/sign-in");
        assert_eq!(
            sign_in_url("/requests?status=open&q=ł"),
            "/sign-in?next=%2Frequests%3Fstatus%3Dopen%26q%3D%C5%82"
        );
    }

    #[test]
    fn joins_path_and_query() {
        assert_eq!(path_and_query("/requests", ""), "/requests");
        assert_eq!(path_and_query("/requests", "x=1"), "/requests?x=1");
        assert_eq!(path_and_query("/requests", "?x=1"), "/requests?x=1");
        assert_eq!(path_and_query("/requests", "?"), "/requests");
    }

    #[test]
    fn encodes_like_encode_uri_component() {
        assert_eq!(encode_component("a-z_0.9!~*'()"), "a-z_0.9!~*'()");
        assert_eq!(encode_component("/a b?c=d&e#f"), "%2Fa%20b%3Fc%3Dd%26e%23f");
        assert_eq!(encode_component("Čeština"), "%C4%8Ce%C5%A1tina");
    }
}
