//! Read-only parts of the request pages (rows, facts, the timeline) are written as HTML
//! text and set as `innerHTML`: far less wasm than a typed view per element. Everything
//! that comes from the API or the user passes through [`esc`] first.

/// Escapes text for an HTML element or a quoted attribute value.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `<tag class="…">text</tag>` with the text escaped (the class is the portal's own).
pub fn el(tag: &str, class: &str, text: &str) -> String {
    if class.is_empty() {
        format!("<{tag}>{}</{tag}>", esc(text))
    } else {
        format!("<{tag} class=\"{class}\">{}</{tag}>", esc(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc(r#"<img src=x onerror="alert('1')">&amp;"#),
            "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;amp;"
        );
        assert_eq!(esc("Strojírny Hradec a.s."), "Strojírny Hradec a.s.");
    }

    #[test]
    fn wraps_escaped_text_in_an_element() {
        assert_eq!(el("td", "", "a<b"), "<td>a&lt;b</td>");
        assert_eq!(
            el("p", "event-body", "</p><script>"),
            "<p class=\"event-body\">&lt;/p&gt;&lt;script&gt;</p>"
        );
    }
}
