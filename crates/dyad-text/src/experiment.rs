//! Development harness: trains only the parser and labeler on jackknifed
//! tags (cached on disk between runs, since tagging dominates training time)
//! and scores them on a dev file tagged by the shipped model, after chosen
//! epochs. Not part of the supported API.

use crate::conllu;
use crate::hash::Rng;
use crate::model::{special_labels, Model};
use crate::parser::{self, GoldSentence};
use crate::perceptron::Trainer;
use crate::train::{
    jackknife, jackknife_supertags, prepare, supertag_gold, train_supertagger, Prepared,
    TrainOptions,
};
use crate::{supertag, tagger, ModelError, BUILTIN_MODEL};
use std::path::Path;

fn load_cache(path: &Path) -> Option<Vec<Vec<u16>>> {
    let bytes = std::fs::read(path).ok()?;
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let n = u32::from_le_bytes(bytes.get(i..i + 4)?.try_into().ok()?) as usize;
        i += 4;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(u16::from_le_bytes(bytes.get(i..i + 2)?.try_into().ok()?));
            i += 2;
        }
        out.push(v);
    }
    Some(out)
}

fn save_cache(path: &Path, tags: &[Vec<u16>]) {
    let mut bytes = Vec::new();
    for s in tags {
        bytes.extend_from_slice(&(s.len() as u32).to_le_bytes());
        for t in s {
            bytes.extend_from_slice(&t.to_le_bytes());
        }
    }
    // A failed write only costs the next run the jackknifing again.
    let _ = std::fs::write(path, bytes);
}

/// Trains parser and labeler and prints dev UAS/LAS after each epoch in `report`.
pub fn parser_dev(
    train_conllu: &str,
    dev_conllu: &str,
    options: &TrainOptions,
    cache: &Path,
    report: &[usize],
    progress: &mut dyn FnMut(&str),
) -> Result<(), ModelError> {
    let Prepared {
        tags,
        labels,
        label_id,
        tag_id,
        gold,
        tag_dict,
        keys,
        tag_data,
        ..
    } = prepare(train_conllu, progress)?;
    let mut rng = Rng::new(options.seed);
    let predicted = match load_cache(cache) {
        Some(p) if p.len() == tag_data.len() => p,
        _ => {
            let first = jackknife(&tag_data, None, tags.len(), options, &mut rng, "first", progress);
            let p = jackknife(
                &tag_data,
                Some(&first),
                tags.len(),
                options,
                &mut rng,
                "second",
                progress,
            );
            save_cache(cache, &p);
            p
        }
    };
    let shipped = Model::from_bytes(BUILTIN_MODEL)?;
    let upos: Vec<String> = tags
        .iter()
        .map(|t| t.split('\t').next().unwrap_or("").to_string())
        .collect();
    let coarse_of_tag = parser::coarse_map(&upos);
    let to_gold = |g: &Vec<crate::train::GoldWord>, k: Vec<crate::keys::TokenKeys>, p: Vec<u16>| {
        GoldSentence {
            words: tagger::parser_words(&tag_dict, &k),
            keys: k,
            coarse: p
                .iter()
                .map(|&t| coarse_of_tag.get(usize::from(t)).copied().unwrap_or(0))
                .collect(),
            tags: p,
            supertags: Vec::new(),
            heads: g.iter().map(|w| w.head).collect(),
            labels: g.iter().map(|w| w.label).collect(),
        }
    };
    let mut parse_data: Vec<GoldSentence> = gold
        .iter()
        .zip(keys)
        .zip(predicted)
        .map(|((g, k), p)| to_gold(g, k, p))
        .collect();

    // Dev sentences with the shipped taggers' tags.
    let (dev, _) = conllu::parse(dev_conllu);
    let mut scratch = Vec::new();
    let dev_gold_tags: Vec<Vec<u16>> = dev
        .iter()
        .map(|s| {
            s.words()
                .map(|w| {
                    tag_id
                        .get(format!("{}\t{}", w.upos, w.xpos).as_str())
                        .copied()
                        .unwrap_or(u16::MAX)
                })
                .collect()
        })
        .collect();
    // Tag corrections from the relation: (tag, label) and (word, tag, label)
    // → gold tag counts on training data with jackknifed tags.
    let mut by_tl: std::collections::HashMap<(u16, u16), std::collections::BTreeMap<u16, u32>> =
        Default::default();
    let mut by_wtl: std::collections::HashMap<(u64, u16, u16), std::collections::BTreeMap<u16, u32>> =
        Default::default();
    for (s, g) in parse_data.iter().zip(&gold) {
        for j in 0..s.tags.len() {
            let (t, l, gt) = (s.tags[j], s.labels[j], g[j].tag);
            *by_tl.entry((t, l)).or_default().entry(gt).or_default() += 1;
            *by_wtl.entry((s.words[j], t, l)).or_default().entry(gt).or_default() += 1;
        }
    }
    let rule = |m: &std::collections::BTreeMap<u16, u32>, t: u16, min: u32, share: f64| -> Option<u16> {
        let total: u32 = m.values().sum();
        let (&bt, &bc) = m.iter().max_by_key(|(_, &c)| c)?;
        (bt != t && total >= min && f64::from(bc) >= share * f64::from(total)).then_some(bt)
    };
    let upos_of = |t: u16| tags.get(usize::from(t)).map(|x| x.split('\t').next().unwrap_or("").to_string());
    let mut dev_data: Vec<GoldSentence> = dev
        .iter()
        .map(|s| {
            let n = s.words().count() as u32;
            let k: Vec<_> = s
                .words()
                .map(|w| crate::keys::TokenKeys::new(&w.form))
                .collect();
            let analysed = shipped.analyze_words(&k, &mut scratch);
            let p: Vec<u16> = analysed.iter().map(|w| w.tag).collect();
            let g: Vec<crate::train::GoldWord> = s
                .words()
                .map(|w| crate::train::GoldWord {
                    form: w.form.clone(),
                    tag: 0,
                    head: if w.head == 0 { n } else { w.head as u32 - 1 },
                    label: label_id.get(w.deprel.as_str()).copied().unwrap_or(u16::MAX),
                })
                .collect();
            to_gold(&g, k, p)
        })
        .collect();
    // Supertags: jackknifed for training, a full model for dev.
    let (st_names, st_gold) = supertag_gold(&parse_data, &labels);
    let st_cache = cache.with_extension("st");
    let jack = match load_cache(&st_cache) {
        Some(p) if p.len() == parse_data.len() => p,
        _ => {
            let out = jackknife_supertags(&parse_data, &st_gold, st_names.len(), options, &mut rng, progress);
            save_cache(&st_cache, &out);
            out
        }
    };
    let all: Vec<usize> = (0..parse_data.len()).collect();
    let full = train_supertagger(&parse_data, &st_gold, st_names.len(), &all, options, &mut rng);
    for s in dev_data.iter_mut() {
        s.supertags = supertag::tag(
            &full,
            &supertag::Input {
                keys: &s.keys,
                words: &s.words,
                tags: &s.tags,
            },
            &mut scratch,
        );
    }
    progress(&format!("supertagger {} bytes", full.bytes()));
    for (s, j) in parse_data.iter_mut().zip(jack) {
        s.supertags = j;
    }
    let universal = |l: u16| -> &str {
        labels
            .get(usize::from(l))
            .map_or("?", |s| s.split(':').next().unwrap_or(""))
    };

    let special = special_labels(&labels);
    let mut parse_trainer = Trainer::new(parser::MOVES);
    let mut label_trainer = Trainer::new(labels.len());
    let t0 = std::time::Instant::now();
    for epoch in 0..options.parser_epochs {
        let mut o: Vec<usize> = (0..parse_data.len()).collect();
        rng.shuffle(&mut o);
        let stats = parser::train_epoch(
            (&mut parse_trainer, &mut label_trainer),
            special,
            &parse_data,
            &o,
            epoch > 0,
            epoch == 0,
            &mut rng,
        );
        progress(&format!(
            "[{:.0}s] epoch {}: head {:.4}",
            t0.elapsed().as_secs_f64(),
            epoch + 1,
            stats.correct_heads as f64 / stats.arcs.max(1) as f64
        ));
        if !report.contains(&(epoch + 1)) {
            continue;
        }
        let pw = parse_trainer.finish(options.prune, options.parser_min_updates);
        let lw = label_trainer.finish(options.prune, options.min_updates);
        let (mut n, mut uas, mut las) = (0usize, 0usize, 0usize);
        let variants = [(0u32, 0f64), (5, 0.6), (5, 0.6), (10, 0.7), (3, 0.5), (20, 0.8)];
        let mut upos_ok = vec![0usize; variants.len()];
        let mut full_ok = vec![0usize; variants.len()];
        for (si, s) in dev_data.iter().enumerate() {
            let input = parser::Input {
                keys: &s.keys,
                words: &s.words,
                tags: &s.tags,
                coarse: &s.coarse,
                supertags: &s.supertags,
            };
            let (heads, labs) = parser::parse(&pw, &lw, special, &input, &mut scratch);
            for (k, &(min, share)) in variants.iter().enumerate() {
                for j in 0..s.tags.len() {
                    let t = s.tags[j];
                    let l = labs[j];
                    let mut nt = t;
                    if k > 0 {
                        if let Some(x) = by_wtl.get(&(s.words[j], t, l)).and_then(|m| rule(m, t, min, share)) {
                            nt = x;
                        } else if k > 1 {
                            if let Some(x) = by_tl.get(&(t, l)).and_then(|m| rule(m, t, min, share)) {
                                nt = x;
                            }
                        }
                    }
                    let g = dev_gold_tags[si][j];
                    upos_ok[k] += usize::from(upos_of(nt) == upos_of(g));
                    full_ok[k] += usize::from(nt == g);
                }
            }
            let len = s.heads.len() as u32;
            for i in 0..s.heads.len() {
                n += 1;
                let h = heads[i].map_or(len, |h| h as u32);
                if h == s.heads[i] {
                    uas += 1;
                    let gl = s.labels[i];
                    let ok = if h == len {
                        true
                    } else {
                        gl != u16::MAX && universal(labs[i]) == universal(gl)
                    };
                    las += usize::from(ok);
                }
            }
        }
        progress(&format!(
            "DEV epoch {}: uas {:.4} las {:.4} (parser {} bytes, labeler {} bytes)",
            epoch + 1,
            uas as f64 / n as f64,
            las as f64 / n as f64,
            pw.bytes(),
            lw.bytes()
        ));
        for (k, v) in variants.iter().enumerate() {
            progress(&format!(
                "  retag variant {k} {v:?}: upos {:.4} full {:.4}",
                upos_ok[k] as f64 / n as f64,
                full_ok[k] as f64 / n as f64
            ));
        }
    }
    Ok(())
}

/// Trains the first tagging pass on all of `train_conllu` (and, with
/// `second`, the second pass on cached jackknifed first-pass tags) and prints
/// dev UPOS and full-tag accuracy after each epoch in `report`.
pub fn tagger_dev(
    train_conllu: &str,
    dev_conllu: &str,
    options: &TrainOptions,
    report: &[usize],
    progress: &mut dyn FnMut(&str),
) -> Result<(), ModelError> {
    let Prepared {
        tags,
        tag_id,
        tag_dict,
        tag_data,
        ..
    } = prepare(train_conllu, progress)?;
    let mut rng = Rng::new(options.seed);
    let upos: Vec<&str> = tags
        .iter()
        .map(|t| t.split('\t').next().unwrap_or(""))
        .collect();
    let (dev, _) = conllu::parse(dev_conllu);
    let dev_data: Vec<tagger::TagSentence> = dev
        .iter()
        .map(|s| {
            let k: Vec<_> = s
                .words()
                .map(|w| crate::keys::TokenKeys::new(&w.form))
                .collect();
            let amb = tagger::ambiguity(&tag_dict, &k);
            let g = s
                .words()
                .map(|w| {
                    tag_id
                        .get(format!("{}\t{}", w.upos, w.xpos).as_str())
                        .copied()
                        .unwrap_or(u16::MAX)
                })
                .collect();
            (k, amb, g)
        })
        .collect();
    let dev_upos: Vec<Vec<String>> = dev
        .iter()
        .map(|s| s.words().map(|w| w.upos.clone()).collect())
        .collect();
    let mut trainer = Trainer::new(tags.len());
    let mut scratch = Vec::new();
    let t0 = std::time::Instant::now();
    for epoch in 0..options.tagger_epochs {
        let mut o: Vec<usize> = (0..tag_data.len()).collect();
        rng.shuffle(&mut o);
        let c = tagger::train_epoch(&mut trainer, &tag_data, None, &o);
        progress(&format!(
            "[{:.0}s] epoch {}: train {:.4}",
            t0.elapsed().as_secs_f64(),
            epoch + 1,
            c as f64 / tag_data.iter().map(|t| t.2.len()).sum::<usize>() as f64
        ));
        if !report.contains(&(epoch + 1)) {
            continue;
        }
        for (prune, min_updates) in [(options.prune, options.min_updates), (0.0, 1), (0.05, 2), (0.02, 3), (0.02, 5)] {
        let w = trainer.finish(prune, min_updates);
        let (mut n, mut up, mut full) = (0usize, 0usize, 0usize);
        for ((k, amb, g), gu) in dev_data.iter().zip(&dev_upos) {
            let p = tagger::tag(&w, k, amb, None, &mut scratch);
            for ((&pt, &gt), gu) in p.iter().zip(g).zip(gu) {
                n += 1;
                full += usize::from(pt == gt);
                up += usize::from(upos.get(usize::from(pt)).is_some_and(|u| u == gu));
            }
        }
        progress(&format!(
            "DEV epoch {} prune {prune} min {min_updates}: upos {:.4} full {:.4} ({} bytes)",
            epoch + 1,
            up as f64 / n as f64,
            full as f64 / n as f64,
            w.bytes()
        ));
        }
    }
    Ok(())
}
