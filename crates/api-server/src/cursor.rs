//! Opaque paging cursors: the sort key of the last item served, tagged with what it
//! pages, as unpadded base64url. Clients pass them back untouched; anything the server
//! did not issue is refused as an invalid value.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

pub fn encode(tag: &str, keys: &[i64]) -> String {
    let mut text = String::from(tag);
    for key in keys {
        text.push(':');
        text.push_str(&key.to_string());
    }
    URL_SAFE_NO_PAD.encode(text)
}

/// The keys of a cursor issued with `tag` and `count` keys.
pub fn decode(tag: &str, count: usize, cursor: &str) -> Option<Vec<i64>> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let mut parts = text.split(':');
    if parts.next()? != tag {
        return None;
    }
    let keys: Vec<i64> = parts.map(|p| p.parse().ok()).collect::<Option<_>>()?;
    (keys.len() == count).then_some(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_strangers() {
        let cursor = encode("l1", &[1_700_000_000, -42]);
        assert_eq!(decode("l1", 2, &cursor), Some(vec![1_700_000_000, -42]));
        assert_eq!(decode("r1", 2, &cursor), None);
        assert_eq!(decode("l1", 3, &cursor), None);
        assert_eq!(decode("l1", 2, "not base64!"), None);
        assert_eq!(decode("l1", 2, &URL_SAFE_NO_PAD.encode("l1:x:1")), None);
    }
}
