//! A lean document tree for the HTML reader, built by html5ever.
//!
//! html5ever is a spec-compliant HTML5 parser that leaves the tree to its user (a
//! `TreeSink`). General-purpose trees sort attributes, index class lists and
//! allocate per node; the reader needs none of that. This one is an arena of nodes
//! linked by index, holding element names, attributes as the parser made them
//! (the markup pass before parsing has dropped those the reader never uses), a
//! [`TagKind`] per element, and text as the parser's own tendrils (no copies).
//! Nothing in it recurses, so no page can exhaust the stack.

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{ns, Attribute, LocalName, QualName};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::collections::HashMap;

/// A node's place in [`Dom::nodes`].
pub(crate) type Ix = usize;
/// No node (an absent parent, child or sibling).
const NONE: Ix = Ix::MAX;

/// What kind of element a tag is, for the reader: decided once, when the element is
/// created, instead of looking names up in sets at every visit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct TagKind(u8);

impl TagKind {
    /// Never read (scripts, navigation, forms…): `skip-tag` in `data/html.tsv`.
    pub const SKIP: u8 = 1;
    /// Starts and ends a line: `block-tag` in `data/html.tsv`.
    pub const BLOCK: u8 = 2;
    /// Running text inside a block (`<span>`, `<a>`, `<em>`…).
    pub const INLINE: u8 = 4;

    pub fn new(bits: u8) -> TagKind {
        TagKind(bits)
    }
    pub fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

/// Decides the [`TagKind`] of a tag name.
pub(crate) trait Classify {
    fn kind(&self, name: &str) -> TagKind;
}

pub(crate) struct Element {
    pub name: QualName,
    /// As the parser gave them: lower-case names, the first of duplicates.
    attrs: Vec<Attribute>,
    pub kind: TagKind,
    /// `<annotation-xml encoding="text/html">` in MathML: the tree builder asks.
    mathml_html_point: bool,
}

impl Element {
    /// The local name (`div`, `p`…).
    pub fn name(&self) -> &str {
        &self.name.local
    }

    /// The value of attribute `name` (lower case, no namespace).
    pub fn attr(&self, name: &LocalName) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name.local == *name && plain(a))
            .map(|a| a.value.as_ref())
    }

    /// Whether the element has attribute `name`, for names html5ever does not
    /// intern (`pubdate`).
    pub fn has_attr_named(&self, name: &str) -> bool {
        self.attrs
            .iter()
            .any(|a| &*a.name.local == name && plain(a))
    }
}

pub(crate) enum NodeData {
    Document,
    Element(Element),
    Text(StrTendril),
    /// Comments, doctypes, processing instructions and template contents: nodes the
    /// reader walks through but never reads.
    Other,
}

pub(crate) struct Node {
    parent: Ix,
    first_child: Ix,
    last_child: Ix,
    prev: Ix,
    next: Ix,
    pub data: NodeData,
}

impl Node {
    fn new(data: NodeData) -> Node {
        Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            data,
        }
    }

    pub fn element(&self) -> Option<&Element> {
        match &self.data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    pub fn text(&self) -> Option<&str> {
        match &self.data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// An attribute without namespace or prefix: every attribute of an HTML element
/// (SVG and MathML ones may carry `xlink:` and the like).
fn plain(a: &Attribute) -> bool {
    a.name.ns == ns!() && a.name.prefix.is_none()
}

/// A parsed page.
pub(crate) struct Dom {
    nodes: Vec<Node>,
}

/// One step of a depth-first walk: entering a node, or leaving it after its
/// descendants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edge {
    Open(Ix),
    Close(Ix),
}

impl Dom {
    /// Parses `html` as an HTML5 document (scripting on, as browsers do).
    pub fn parse(html: &str, classify: &dyn Classify) -> Dom {
        let sink = Sink {
            nodes: RefCell::new(vec![Node::new(NodeData::Document)]),
            classify,
            kinds: RefCell::default(),
        };
        html5ever::parse_document(sink, Default::default()).one(html)
    }

    pub const ROOT: Ix = 0;

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn node(&self, ix: Ix) -> &Node {
        &self.nodes[ix]
    }

    pub fn element(&self, ix: Ix) -> Option<&Element> {
        self.node(ix).element()
    }

    pub fn parent(&self, ix: Ix) -> Option<Ix> {
        let p = self.node(ix).parent;
        (p != NONE).then_some(p)
    }

    pub fn children(&self, ix: Ix) -> Children<'_> {
        Children {
            dom: self,
            next: self.node(ix).first_child,
        }
    }

    /// A depth-first walk of `ix` and its descendants.
    pub fn traverse(&self, ix: Ix) -> Traverse<'_> {
        Traverse {
            dom: self,
            root: ix,
            next: Some(Edge::Open(ix)),
        }
    }

    /// `ix` and its descendants in document order.
    pub fn descendants(&self, ix: Ix) -> impl Iterator<Item = Ix> + '_ {
        self.traverse(ix).filter_map(|e| match e {
            Edge::Open(n) => Some(n),
            Edge::Close(_) => None,
        })
    }
}

pub(crate) struct Children<'a> {
    dom: &'a Dom,
    next: Ix,
}

impl Iterator for Children<'_> {
    type Item = Ix;
    fn next(&mut self) -> Option<Ix> {
        if self.next == NONE {
            return None;
        }
        let n = self.next;
        self.next = self.dom.node(n).next;
        Some(n)
    }
}

pub(crate) struct Traverse<'a> {
    dom: &'a Dom,
    root: Ix,
    next: Option<Edge>,
}

impl Iterator for Traverse<'_> {
    type Item = Edge;
    fn next(&mut self) -> Option<Edge> {
        let edge = self.next?;
        self.next = match edge {
            Edge::Open(n) => {
                let first = self.dom.node(n).first_child;
                Some(if first == NONE {
                    Edge::Close(n)
                } else {
                    Edge::Open(first)
                })
            }
            Edge::Close(n) if n == self.root => None,
            Edge::Close(n) => {
                let node = self.dom.node(n);
                if node.next != NONE {
                    Some(Edge::Open(node.next))
                } else if node.parent != NONE {
                    Some(Edge::Close(node.parent))
                } else {
                    None
                }
            }
        };
        Some(edge)
    }
}

/// Builds a [`Dom`] from the tree builder's calls.
struct Sink<'c> {
    nodes: RefCell<Vec<Node>>,
    classify: &'c dyn Classify,
    /// The kind of each tag name met so far: a page uses a few dozen names for
    /// thousands of elements, and a name is an interned atom, cheap to hash.
    kinds: RefCell<HashMap<LocalName, TagKind, crate::cues::FnvBuild>>,
}

impl Sink<'_> {
    fn push(&self, data: NodeData) -> Ix {
        let mut nodes = self.nodes.borrow_mut();
        let ix = nodes.len();
        nodes.push(Node::new(data));
        ix
    }
}

/// Unlinks `n` from its parent and siblings.
fn detach(nodes: &mut [Node], n: Ix) {
    let (parent, prev, next) = {
        let node = &nodes[n];
        (node.parent, node.prev, node.next)
    };
    if parent == NONE {
        return;
    }
    if prev != NONE {
        nodes[prev].next = next;
    } else {
        nodes[parent].first_child = next;
    }
    if next != NONE {
        nodes[next].prev = prev;
    } else {
        nodes[parent].last_child = prev;
    }
    let node = &mut nodes[n];
    node.parent = NONE;
    node.prev = NONE;
    node.next = NONE;
}

/// Makes the (detached) node `n` the last child of `parent`.
fn link_last(nodes: &mut [Node], parent: Ix, n: Ix) {
    let last = nodes[parent].last_child;
    {
        let node = &mut nodes[n];
        node.parent = parent;
        node.prev = last;
        node.next = NONE;
    }
    if last != NONE {
        nodes[last].next = n;
    } else {
        nodes[parent].first_child = n;
    }
    nodes[parent].last_child = n;
}

/// Puts the (detached) node `n` just before `sibling`, which has a parent.
fn link_before(nodes: &mut [Node], sibling: Ix, n: Ix) {
    let (parent, prev) = {
        let s = &nodes[sibling];
        (s.parent, s.prev)
    };
    {
        let node = &mut nodes[n];
        node.parent = parent;
        node.prev = prev;
        node.next = sibling;
    }
    nodes[sibling].prev = n;
    if prev != NONE {
        nodes[prev].next = n;
    } else {
        nodes[parent].first_child = n;
    }
}

impl TreeSink for Sink<'_> {
    type Handle = Ix;
    type Output = Dom;
    type ElemName<'a>
        = Ref<'a, QualName>
    where
        Self: 'a;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    // The reader reads broken markup as browsers do; parse errors are not reported.
    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Ix {
        Dom::ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a Ix) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| {
            match &nodes[*target].data {
                NodeData::Element(e) => &e.name,
                // The tree builder asks only for the names of elements it created.
                _ => unreachable!("html5ever asked for the name of a non-element"),
            }
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Ix {
        let kind = *self
            .kinds
            .borrow_mut()
            .entry(name.local.clone())
            .or_insert_with(|| self.classify.kind(&name.local));
        let el = self.push(NodeData::Element(Element {
            name,
            attrs,
            kind,
            mathml_html_point: flags.mathml_annotation_xml_integration_point,
        }));
        if flags.template {
            // A template's contents live in a fragment of their own, kept as its child.
            let frag = self.push(NodeData::Other);
            link_last(&mut self.nodes.borrow_mut(), el, frag);
        }
        el
    }

    fn create_comment(&self, _text: StrTendril) -> Ix {
        self.push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Ix {
        self.push(NodeData::Other)
    }

    fn append(&self, parent: &Ix, child: NodeOrText<Ix>) {
        match child {
            NodeOrText::AppendNode(n) => {
                let mut nodes = self.nodes.borrow_mut();
                detach(&mut nodes, n);
                link_last(&mut nodes, *parent, n);
            }
            NodeOrText::AppendText(text) => {
                let mut nodes = self.nodes.borrow_mut();
                let last = nodes[*parent].last_child;
                if last != NONE {
                    if let NodeData::Text(t) = &mut nodes[last].data {
                        t.push_tendril(&text);
                        return;
                    }
                }
                let ix = nodes.len();
                nodes.push(Node::new(NodeData::Text(text)));
                link_last(&mut nodes, *parent, ix);
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &Ix, prev_element: &Ix, child: NodeOrText<Ix>) {
        let has_parent = self.nodes.borrow()[*element].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public: StrTendril,
        _system: StrTendril,
    ) {
        let n = self.push(NodeData::Other);
        link_last(&mut self.nodes.borrow_mut(), Dom::ROOT, n);
    }

    fn get_template_contents(&self, target: &Ix) -> Ix {
        // The fragment made with the template; a template that lost it (which the tree
        // builder never causes) holds its contents itself.
        let first = self.nodes.borrow()[*target].first_child;
        if first == NONE {
            *target
        } else {
            first
        }
    }

    fn same_node(&self, x: &Ix, y: &Ix) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Ix, new_node: NodeOrText<Ix>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeOrText::AppendNode(n) = new_node {
            detach(&mut nodes, n);
        }
        if nodes[*sibling].parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(n) => link_before(&mut nodes, *sibling, n),
            NodeOrText::AppendText(text) => {
                let prev = nodes[*sibling].prev;
                if prev != NONE {
                    if let NodeData::Text(t) = &mut nodes[prev].data {
                        t.push_tendril(&text);
                        return;
                    }
                }
                let ix = nodes.len();
                nodes.push(Node::new(NodeData::Text(text)));
                link_before(&mut nodes, *sibling, ix);
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Ix, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        let NodeData::Element(el) = &mut nodes[*target].data else {
            return;
        };
        for a in attrs {
            if !el.attrs.iter().any(|e| e.name == a.name) {
                el.attrs.push(a);
            }
        }
    }

    fn remove_from_parent(&self, target: &Ix) {
        detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &Ix, new_parent: &Ix) {
        let mut nodes = self.nodes.borrow_mut();
        let mut c = nodes[*node].first_child;
        while c != NONE {
            let next = nodes[c].next;
            detach(&mut nodes, c);
            link_last(&mut nodes, *new_parent, c);
            c = next;
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &Ix) -> bool {
        match &self.nodes.borrow()[*handle].data {
            NodeData::Element(e) => e.mathml_html_point,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NoKinds;
    impl Classify for NoKinds {
        fn kind(&self, _name: &str) -> TagKind {
            TagKind::default()
        }
    }

    fn names(dom: &Dom) -> Vec<String> {
        dom.descendants(Dom::ROOT)
            .map(|n| match &dom.node(n).data {
                NodeData::Element(e) => e.name().to_string(),
                NodeData::Text(t) => format!("'{t}'"),
                NodeData::Document => "#doc".into(),
                NodeData::Other => "#other".into(),
            })
            .collect()
    }

    #[test]
    fn builds_the_html5_tree_with_attributes() {
        let dom = Dom::parse(
            "<!doctype html><p class=a data-x=1>one<p>two <b>bold</p>",
            &NoKinds,
        );
        assert_eq!(
            names(&dom),
            [
                "#doc", "#other", "html", "head", "body", "p", "'one'", "p", "'two '", "b",
                "'bold'"
            ]
        );
        let p = dom
            .descendants(Dom::ROOT)
            .find(|&n| dom.element(n).is_some_and(|e| e.name() == "p"))
            .expect("a p");
        let el = dom.element(p).expect("element");
        assert_eq!(el.attr(&html5ever::local_name!("class")), Some("a"));
        assert!(el.has_attr_named("data-x"));
        assert_eq!(el.attr(&html5ever::local_name!("id")), None);
    }

    #[test]
    fn misnested_formatting_is_repaired_by_moving_nodes() {
        // The adoption agency algorithm detaches, re-parents and inserts before
        // siblings: the arena's links must follow.
        let dom = Dom::parse("<b>1<p>2</b>3</p><table>x<tr><td>y</table>", &NoKinds);
        assert_eq!(
            names(&dom),
            [
                "#doc", "html", "head", "body", "b", "'1'", "p", "b", "'2'", "'3'", "'x'", "table",
                "tbody", "tr", "td", "'y'"
            ]
        );
        // Every node's children point back at it.
        for n in dom.descendants(Dom::ROOT) {
            for c in dom.children(n) {
                assert_eq!(dom.parent(c), Some(n));
            }
        }
    }

    #[test]
    fn deep_nesting_is_built_and_walked_without_recursion() {
        // Just under the reader's depth limit; walking and dropping the tree must
        // not use the call stack per level.
        let depth = crate::MAX_HTML_DEPTH - 10;
        let html = format!("{}x{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let dom = Dom::parse(&html, &NoKinds);
        let divs = dom
            .descendants(Dom::ROOT)
            .filter(|&n| dom.element(n).is_some_and(|e| e.name() == "div"))
            .count();
        assert_eq!(divs, depth);
        let closes = dom
            .traverse(Dom::ROOT)
            .filter(|e| matches!(e, Edge::Close(_)))
            .count();
        assert_eq!(closes, dom.descendants(Dom::ROOT).count());
    }

    #[test]
    fn template_contents_sit_under_the_template() {
        let dom = Dom::parse("<template><p>hi</p></template>", &NoKinds);
        assert_eq!(
            names(&dom),
            ["#doc", "html", "head", "template", "#other", "p", "'hi'", "body"]
        );
    }
}
