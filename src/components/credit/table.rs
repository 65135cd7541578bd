//! Table pieces as markup, shared by the credit page's tables and the statement.

use crate::markup::Markup;

/// A container that scrolls a wide table sideways on a narrow screen; focusable and
/// named, so keyboard users can scroll it too.
pub fn open_scroll(m: &mut Markup, label: &str) {
    m.open(
        "div",
        &[
            ("class", "table-wrap"),
            ("tabindex", "0"),
            ("role", "region"),
            ("aria-label", label),
        ],
    );
}

/// `<table class="data-table …">` with its caption (hidden when a heading says it).
pub fn open(
    m: &mut Markup,
    class: &'static str,
    testid: &'static str,
    caption: &str,
    visible_caption: bool,
) {
    m.open("table", &[("class", class), ("data-testid", testid)]);
    let attrs: &[(&str, &str)] = if visible_caption {
        &[]
    } else {
        &[("class", "visually-hidden")]
    };
    m.el("caption", attrs, caption);
}

/// `<thead>` with its row: each column's label, and whether it holds numbers.
pub fn head(m: &mut Markup, columns: &[(&str, bool)]) {
    m.open("thead", &[]);
    head_row(m, columns);
    m.close("thead");
}

/// The head's row alone (numeric columns are right aligned).
pub fn head_row(m: &mut Markup, columns: &[(&str, bool)]) {
    m.open("tr", &[]);
    for (label, numeric) in columns {
        let attrs: &[(&str, &str)] = if *numeric {
            &[("scope", "col"), ("class", "num")]
        } else {
            &[("scope", "col")]
        };
        m.el("th", attrs, label);
    }
    m.close("tr");
}

pub fn cell(m: &mut Markup, text: &str) {
    m.el("td", &[], text);
}

pub fn num(m: &mut Markup, text: &str) {
    m.el("td", &[("class", "num")], text);
}

/// A row header cell.
pub fn row_head(m: &mut Markup, text: &str) {
    m.el("th", &[("scope", "row")], text);
}
