//! Development harness for quick experiments (`examples/pexp.rs`,
//! `examples/texp.rs`): trains only the part under study and scores it on
//! the dev file after chosen epochs. [`parser_dev`] trains the parser and
//! labeler on jackknifed tags, cached on disk between runs since tagging
//! dominates training time (delete the cache file after changing the
//! taggers); the dev words get the shipped model's tags. [`tagger_dev`] trains the first tagging pass alone. Not part
//! of the supported API: `dyad train` builds the model.

use crate::conllu;
use crate::hash::Rng;
use crate::model::{special_labels, Model};
use crate::parser::{self, GoldSentence};
use crate::perceptron::Trainer;
use crate::train::{jackknife, prepare, Prepared, TrainOptions};
use crate::{tagger, ModelError, BUILTIN_MODEL};
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
            let first = jackknife(
                &tag_data,
                None,
                tags.len(),
                options,
                &mut rng,
                "first",
                progress,
            );
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
            heads: g.iter().map(|w| w.head).collect(),
            labels: g.iter().map(|w| w.label).collect(),
        }
    };
    let parse_data: Vec<GoldSentence> = gold
        .iter()
        .zip(keys)
        .zip(predicted)
        .map(|((g, k), p)| to_gold(g, k, p))
        .collect();

    // Dev sentences with the shipped taggers' tags.
    let (dev, _) = conllu::parse(dev_conllu);
    let mut scratch = Vec::new();
    let dev_data: Vec<GoldSentence> = dev
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
        let mut parse_time = 0f64;
        let mut confusions: std::collections::HashMap<(String, String), u32> = Default::default();
        for s in &dev_data {
            let input = parser::Input {
                keys: &s.keys,
                words: &s.words,
                tags: &s.tags,
                coarse: &s.coarse,
            };
            let t = std::time::Instant::now();
            let (heads, labs) = parser::parse(&pw, &lw, special, &input, &mut scratch);
            parse_time += t.elapsed().as_secs_f64();
            let len = s.heads.len() as u32;
            for (((head, label), &gold_head), &gold_label) in
                heads.iter().zip(&labs).zip(&s.heads).zip(&s.labels)
            {
                n += 1;
                let h = head.map_or(len, |h| h as u32);
                if h != gold_head {
                    continue;
                }
                uas += 1;
                // The root's relation is always `root`.
                let ok = h == len
                    || (gold_label != u16::MAX && universal(*label) == universal(gold_label));
                las += usize::from(ok);
                if !ok {
                    *confusions
                        .entry((
                            universal(gold_label).to_string(),
                            universal(*label).to_string(),
                        ))
                        .or_default() += 1;
                }
            }
        }
        progress(&format!(
            "DEV epoch {}: uas {:.4} las {:.4} (parser {} bytes, labeler {} bytes)",
            epoch + 1,
            uas as f64 / n.max(1) as f64,
            las as f64 / n.max(1) as f64,
            pw.bytes(),
            lw.bytes()
        ));
        progress(&format!("  parse {:.0} words/s", n as f64 / parse_time));
        let mut c: Vec<_> = confusions.into_iter().collect();
        c.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        progress(&format!(
            "  label confusions (gold, system): {:?}",
            &c[..c.len().min(25)]
        ));
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
            c as f64 / tag_data.iter().map(|t| t.2.len()).sum::<usize>().max(1) as f64
        ));
        if !report.contains(&(epoch + 1)) {
            continue;
        }
        let w = trainer.finish(options.prune, options.min_updates);
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
            "DEV epoch {}: upos {:.4} full {:.4} ({} bytes)",
            epoch + 1,
            up as f64 / n.max(1) as f64,
            full as f64 / n.max(1) as f64,
            w.bytes()
        ));
    }
    Ok(())
}
