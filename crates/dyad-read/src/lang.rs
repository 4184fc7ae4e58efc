//! Language identification by function words (`data/stopwords.tsv`): enough to
//! tell English from the other languages news arrives in, cheaply.

use crate::Cues;

/// The ISO 639-1 code of the language `text` is most likely in, or `None` when the
/// text is too short or no language's function words stand out.
pub fn identify(text: &str, cues: &Cues) -> Option<String> {
    let mut counts = vec![0usize; cues.stopwords.len()];
    let mut words = 0usize;
    let mut lw = String::new();
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(400)
    {
        words += 1;
        // Function words are short: longer words cannot be one, and need no look-up.
        if w.len() > 12 {
            continue;
        }
        lw.clear();
        if w.is_ascii() {
            lw.push_str(w);
            lw.make_ascii_lowercase();
        } else {
            lw.extend(w.chars().flat_map(char::to_lowercase));
        }
        if let Some(entries) = cues.stopword_entries.get(lw.as_str()) {
            for &i in entries {
                counts[i] += 1;
            }
        }
    }
    if words < 3 {
        return None;
    }
    let (best, &n) = counts.iter().enumerate().max_by_key(|(_, &c)| c)?;
    // Function words make up a third or more of running text in these languages.
    if n * 8 < words {
        return None;
    }
    cues.stopwords.get(best).map(|(l, _)| l.clone())
}
