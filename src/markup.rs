//! Read-only markup for the parts of a page that show loaded facts and never change until
//! the language does (the overview, most of the plan page).
//!
//! Each distinct `view!` tree costs the wasm its own build, rebuild and drop code, and
//! these parts hold a hundred-odd elements of tables, lists and cards. Here they are a
//! small tree of plain values, turned into DOM nodes with `createElement`,
//! `setAttribute` and text nodes: data is never parsed as HTML (no `inner_html`), so no
//! value can inject markup. Tag and attribute names are always literals of this crate.
//! Plain `<a href>` links are still routed in the app by the router's click handler.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

#[derive(Clone, Debug, PartialEq)]
enum Node {
    Element {
        tag: &'static str,
        attrs: Vec<(&'static str, String)>,
        children: Vec<Node>,
    },
    Text(String),
}

/// A fragment under construction: `open` … `close` nest, `text` and `el` add leaves.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Markup {
    /// The finished top-level nodes.
    nodes: Vec<Node>,
    /// Elements opened and not yet closed, innermost last.
    open: Vec<Node>,
}

impl Markup {
    pub fn new() -> Self {
        Markup::default()
    }

    fn push(&mut self, node: Node) {
        match self.open.last_mut() {
            Some(Node::Element { children, .. }) => children.push(node),
            _ => self.nodes.push(node),
        }
    }

    /// `<tag name="value" …>`.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Self {
        self.open.push(Node::Element {
            tag,
            attrs: attrs.iter().map(|(n, v)| (*n, (*v).to_owned())).collect(),
            children: Vec::new(),
        });
        self
    }

    /// Closes the innermost open element (the tag is named for the reader's sake).
    pub fn close(&mut self, tag: &'static str) -> &mut Self {
        if let Some(node) = self.open.pop() {
            debug_assert!(matches!(&node, Node::Element { tag: t, .. } if *t == tag));
            self.push(node);
        }
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        self.push(Node::Text(text.to_owned()));
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

    /// Every open element closed, the top-level nodes in order.
    fn finish(mut self) -> Vec<Node> {
        while let Some(node) = self.open.pop() {
            self.push(node);
        }
        self.nodes
    }

    /// Appends the nodes to `parent`; a DOM refusal (an invalid name) skips that node.
    pub fn append_to(self, parent: &web_sys::Node) {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            for node in self.finish() {
                let _ = append(&document, parent, node, false);
            }
        }
    }

    /// Replaces what `parent` holds with the nodes (a part re-rendered in place).
    pub fn replace_in(self, parent: &web_sys::Node) {
        parent.set_text_content(None);
        self.append_to(parent);
    }

    /// The fragment in the page, inside a plain `<div>`. It replaces what the `<div>`
    /// holds: when a part renders again, Leptos rebuilds the new view onto the same
    /// element, which still holds the previous fragment.
    pub fn into_view(self) -> impl IntoView + use<> {
        let host = NodeRef::<html::Div>::new();
        host.on_load(move |div| self.replace_in(&div));
        view! { <div class="markup" node_ref=host></div> }
    }
}

/// The namespace of `<svg>` and everything in it.
const SVG: &str = "http://www.w3.org/2000/svg";

fn append(
    document: &web_sys::Document,
    parent: &web_sys::Node,
    node: Node,
    in_svg: bool,
) -> Result<(), JsValue> {
    match node {
        Node::Text(text) => {
            parent.append_child(&document.create_text_node(&text))?;
        }
        Node::Element {
            tag,
            attrs,
            children,
        } => {
            // SVG elements exist only in their namespace (an HTML `rect` draws nothing).
            let svg = in_svg || tag == "svg";
            let element = if svg {
                document.create_element_ns(Some(SVG), tag)?
            } else {
                document.create_element(tag)?
            };
            for (name, value) in attrs {
                element.set_attribute(name, &value)?;
            }
            for child in children {
                append(document, &element, child, svg)?;
            }
            parent.append_child(&element)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Node {
        Node::Text(s.into())
    }

    #[test]
    fn nests_elements_and_keeps_text_as_text() {
        let mut m = Markup::new();
        m.open("ul", &[("class", "x")])
            .el("li", &[], "<b>Strojírny & 'Hradec'</b>")
            .close("ul")
            .text("after");
        assert_eq!(
            m.finish(),
            vec![
                Node::Element {
                    tag: "ul",
                    attrs: vec![("class", "x".into())],
                    children: vec![Node::Element {
                        tag: "li",
                        attrs: vec![],
                        children: vec![text("<b>Strojírny & 'Hradec'</b>")],
                    }],
                },
                text("after"),
            ]
        );
    }

    #[test]
    fn closes_what_was_left_open() {
        let mut m = Markup::new();
        m.open("p", &[]).text("a");
        assert_eq!(
            m.finish(),
            vec![Node::Element {
                tag: "p",
                attrs: vec![],
                children: vec![text("a")]
            }]
        );
    }
}
