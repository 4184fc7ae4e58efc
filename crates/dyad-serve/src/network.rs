//! The actor network: who interacts with whom, by event type and count, from the
//! store's actor groups; as JSON and as an SVG picture drawn on the server.

use crate::html::esc;
use dyad_core::EventType;
use dyad_store::ActorGroup;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::fmt::Write;

#[derive(Debug, Default, Clone)]
pub struct Network {
    /// Actor code → the number of events carrying it.
    pub nodes: BTreeMap<String, usize>,
    /// (a, b) with a < b → event type → the number of events carrying both.
    pub edges: BTreeMap<(String, String), BTreeMap<String, usize>>,
}

/// A colour per PLOVER type (its place in the type list around the colour
/// wheel), so an edge's colour says what kind of interaction dominates.
pub fn type_colour(t: &str) -> String {
    let i = EventType::ALL
        .iter()
        .position(|x| x.as_str() == t)
        .unwrap_or(0);
    // Steps of 7/16 of the wheel put neighbouring types far apart in hue.
    let hue = (i * 7 * 360 / 16) % 360;
    format!("hsl({hue},65%,42%)")
}

impl Network {
    pub fn of(groups: &[ActorGroup]) -> Network {
        let mut net = Network::default();
        for g in groups {
            for a in &g.actors {
                *net.nodes.entry(a.clone()).or_default() += g.events;
            }
            for (i, a) in g.actors.iter().enumerate() {
                for b in &g.actors[i + 1..] {
                    let key = if a < b {
                        (a.clone(), b.clone())
                    } else {
                        (b.clone(), a.clone())
                    };
                    *net.edges
                        .entry(key)
                        .or_default()
                        .entry(g.event_type.clone())
                        .or_default() += g.events;
                }
            }
        }
        net
    }

    pub fn json(&self) -> Value {
        let mut actors: Vec<(&String, &usize)> = self.nodes.iter().collect();
        actors.sort_by(|x, y| y.1.cmp(x.1).then_with(|| x.0.cmp(y.0)));
        let edges: Vec<Value> = self
            .edges
            .iter()
            .flat_map(|((a, b), types)| {
                types
                    .iter()
                    .map(move |(t, n)| json!({"source": a, "target": b, "type": t, "events": n}))
            })
            .collect();
        json!({
            "actors": actors.iter().map(|(a, n)| json!({"actor": a, "events": n})).collect::<Vec<_>>(),
            "edges": edges,
        })
    }

    /// The actors `code` shares events with, most events first, each with its
    /// counts by type.
    pub fn counterparts(&self, code: &str) -> Vec<(String, usize, BTreeMap<String, usize>)> {
        let mut out: Vec<(String, usize, BTreeMap<String, usize>)> = self
            .edges
            .iter()
            .filter_map(|((a, b), types)| {
                let other = if a == code {
                    b
                } else if b == code {
                    a
                } else {
                    return None;
                };
                Some((other.clone(), types.values().sum(), types.clone()))
            })
            .collect();
        out.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        out
    }

    pub fn counterparts_json(&self, code: &str) -> Value {
        Value::Array(
            self.counterparts(code)
                .into_iter()
                .map(|(a, n, by)| json!({"actor": a, "events": n, "by_type": by}))
                .collect(),
        )
    }

    /// The network as an SVG: the `max_nodes` busiest actors on a circle (or,
    /// with `focus`, that actor in the middle and its counterparts around it),
    /// edges as lines whose width grows with the count and whose colour is the
    /// most frequent type. Nodes link to their actor pages.
    pub fn svg(&self, focus: Option<&str>, max_nodes: usize) -> String {
        let mut chosen: Vec<String> = match focus {
            Some(f) => self
                .counterparts(f)
                .into_iter()
                .map(|(a, _, _)| a)
                .take(max_nodes)
                .collect(),
            None => {
                let mut all: Vec<(&String, &usize)> = self.nodes.iter().collect();
                all.sort_by(|x, y| y.1.cmp(x.1).then_with(|| x.0.cmp(y.0)));
                all.into_iter()
                    .take(max_nodes)
                    .map(|(a, _)| a.clone())
                    .collect()
            }
        };
        chosen.sort();
        let (w, h) = (760.0_f64, 560.0_f64);
        let (cx, cy) = (w / 2.0, h / 2.0);
        let r = 220.0;
        let mut pos: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
        let n = chosen.len().max(1) as f64;
        for (i, a) in chosen.iter().enumerate() {
            let t = std::f64::consts::TAU * i as f64 / n - std::f64::consts::FRAC_PI_2;
            pos.insert(a.as_str(), (cx + r * t.cos(), cy + r * t.sin()));
        }
        if let Some(f) = focus {
            pos.insert(f, (cx, cy));
        }
        let max_edge = self
            .edges
            .values()
            .map(|t| t.values().sum::<usize>())
            .max()
            .unwrap_or(1)
            .max(1) as f64;
        let mut s = String::new();
        let _ = write!(
            s,
            r#"<svg class="network" viewBox="0 0 {w} {h}" role="img" aria-label="actor network" xmlns="http://www.w3.org/2000/svg">"#
        );
        for ((a, b), types) in &self.edges {
            let (Some(pa), Some(pb)) = (pos.get(a.as_str()), pos.get(b.as_str())) else {
                continue;
            };
            let total: usize = types.values().sum();
            let top = types
                .iter()
                .max_by(|x, y| x.1.cmp(y.1).then_with(|| y.0.cmp(x.0)))
                .map(|(t, _)| t.as_str())
                .unwrap_or("");
            let width = 1.0 + 7.0 * (total as f64).ln_1p() / max_edge.ln_1p();
            let detail: Vec<String> = types.iter().map(|(t, n)| format!("{t} {n}")).collect();
            let _ = write!(
                s,
                r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{}" stroke-width="{width:.1}" stroke-opacity="0.7"><title>{} – {}: {}</title></line>"#,
                pa.0,
                pa.1,
                pb.0,
                pb.1,
                type_colour(top),
                esc(a),
                esc(b),
                esc(&detail.join(", "))
            );
        }
        let max_node = self.nodes.values().copied().max().unwrap_or(1).max(1) as f64;
        for (a, (x, y)) in &pos {
            let count = self.nodes.get(*a).copied().unwrap_or(0);
            let radius = 6.0 + 14.0 * (count as f64).ln_1p() / max_node.ln_1p();
            let class = if Some(*a) == focus {
                "node focus"
            } else {
                "node"
            };
            let _ = write!(
                s,
                r#"<a href="/actors/{}" class="{class}"><circle cx="{x:.1}" cy="{y:.1}" r="{radius:.1}"><title>{}: {count} events</title></circle><text x="{x:.1}" y="{:.1}" text-anchor="middle">{}</text></a>"#,
                crate::html::url(a),
                esc(a),
                y + radius + 13.0,
                esc(a)
            );
        }
        s.push_str("</svg>");
        s
    }

    /// The legend for [`Network::svg`]: the types present, with their colours.
    pub fn legend(&self) -> String {
        let mut types: BTreeMap<&str, usize> = BTreeMap::new();
        for t in self.edges.values() {
            for (k, n) in t {
                *types.entry(k.as_str()).or_default() += n;
            }
        }
        let mut s = String::from(r#"<ul class="legend">"#);
        for (t, n) in types {
            let _ = write!(
                s,
                r#"<li><span class="swatch" style="background:{}"></span>{} ({n})</li>"#,
                type_colour(t),
                esc(t)
            );
        }
        s.push_str("</ul>");
        s
    }
}
