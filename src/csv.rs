//! CSV for a spreadsheet, shared by the SBP ledger export and the PAY statement: RFC 4180
//! (comma separated, CRLF, quotes doubled), a UTF-8 byte order mark so Excel reads the
//! diacritics right, and amounts as plain decimals. Pure, tested natively.

/// A file's text so far: the byte order mark, then rows.
pub fn start(capacity: usize) -> String {
    let mut out = String::with_capacity(capacity + 3);
    out.push('\u{feff}');
    out
}

/// Minutes as decimal hours (`90` → `1.5`, `100` → `1.67`).
pub fn hours(minutes: u32) -> String {
    let hundredths = (u64::from(minutes) * 100 + 30) / 60;
    let text = format!("{}.{:02}", hundredths / 100, hundredths % 100);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Free text typed by people: a leading `=`, `+`, `-` or `@` would make a spreadsheet
/// run it as a formula, so such text is prefixed with an apostrophe (OWASP's advice).
pub fn text(value: Option<&str>) -> String {
    let value = value.unwrap_or_default();
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

pub fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_short_decimals() {
        assert_eq!(hours(90), "1.5");
        assert_eq!(hours(60), "1");
        assert_eq!(hours(100), "1.67");
        assert_eq!(hours(0), "0");
    }

    #[test]
    fn formulas_are_defused_and_separators_quoted() {
        let mut out = start(0);
        push_row(&mut out, [text(Some("=1+1")), "a,b".to_owned()].into_iter());
        assert_eq!(out, "\u{feff}'=1+1,\"a,b\"\r\n");
    }
}
