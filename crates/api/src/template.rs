//! Translated texts with `{name}` placeholders, filled in at run time: the portal's texts
//! (`locales/*.json`; rather than leptos_i18n's `{{ name }}` interpolation, which
//! generates code per text and call) and the server's mails (`mail/*.json`). Both check
//! that each text has the same placeholders in every language, so a translation cannot
//! lose one.

/// The template with each `{name}` of `args` replaced by its value (the first one
/// wins); a placeholder without a value stays as it is, so a gap shows instead of
/// vanishing.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let value = after.find('}').and_then(|end| {
            let name = &after[..end];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (end, *v))
        });
        match value {
            Some((end, value)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill(
                "{expires} przepadnie {amount}.",
                &[("amount", "5 zł"), ("expires", "1 maja")]
            ),
            "1 maja przepadnie 5 zł."
        );
        assert_eq!(fill("{a}{a} {b}", &[("a", "x")]), "xx {b}");
        assert_eq!(
            fill("no {placeholder", &[("placeholder", "x")]),
            "no {placeholder"
        );
        assert_eq!(fill("ąę {x} łó", &[("x", "ž")]), "ąę ž łó");
        // A value is not filled again.
        assert_eq!(
            fill("{a} and {b} and {a}, {c} {", &[("a", "1"), ("b", "{a}")]),
            "1 and {a} and 1, {c} {"
        );
    }
}
