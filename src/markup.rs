//! Read-only HTML built as text, for parts of a page that show loaded figures and
//! change only when the data or the language does (the credit page's cards and tables,
//! the monthly statement, the ledger's rows).
//!
//! Every distinct `view!` tree costs the wasm its own build, rebuild and drop code;
//! tables of loaded data as text cost a few string pushes, which keeps the release
//! build inside its size budget. Interactive parts use `view!`. Text and attribute
//! values are always escaped here; tag and attribute names are literals of this crate.
//! Plain `<a href>` links are routed by the router's document-wide click handler.

use leptos::prelude::*;

/// An HTML fragment under construction.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Self {
        Markup(String::with_capacity(1024))
    }

    /// `<tag name="value" …>`, the values escaped.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape_into(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.0, text);
        self
    }

    /// `<tag …>text</tag>`.
    pub fn el(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// The fragment in the page, inside a plain `<div>`.
    pub fn into_view(self) -> impl IntoView + use<> {
        view! { <div class="markup" inner_html=self.0></div> }
    }
}

/// Escapes text for element content and quoted attribute values.
pub fn escape_into(out: &mut String, text: &str) {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attribute_values() {
        let mut m = Markup::new();
        m.el(
            "a",
            &[("href", "/requests/1\"><script>")],
            "<b>Tom & 'Jerry'</b>",
        );
        assert_eq!(
            m.into_string(),
            "<a href=\"/requests/1&quot;&gt;&lt;script&gt;\">&lt;b&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;</a>"
        );
    }

    #[test]
    fn nests_and_keeps_unicode() {
        let mut m = Markup::new();
        m.open("ul", &[])
            .el("li", &[], "Strojírny Hradec – 2 h")
            .close("ul");
        assert_eq!(m.into_string(), "<ul><li>Strojírny Hradec – 2 h</li></ul>");
    }
}
