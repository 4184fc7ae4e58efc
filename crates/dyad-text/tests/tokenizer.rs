//! Tokeniser and sentence-splitter behaviour on news English.
use dyad_text::{tokenize, Gap};

fn toks(text: &str) -> Vec<&str> {
    tokenize(text)
        .iter()
        .map(|t| &text[t.span.start..t.span.end])
        .collect()
}

#[test]
fn abbreviations_keep_their_period() {
    assert_eq!(
        toks("The U.S. said so."),
        ["The", "U.S.", "said", "so", "."]
    );
    assert_eq!(
        toks("on Jan. 7, Sec. Blinken"),
        ["on", "Jan.", "7", ",", "Sec.", "Blinken"]
    );
    assert_eq!(toks("Gen. Mark Milley"), ["Gen.", "Mark", "Milley"]);
    assert_eq!(
        toks("Mr. Kishida met Dr. Smith"),
        ["Mr.", "Kishida", "met", "Dr.", "Smith"]
    );
}

#[test]
fn initials_stay_whole() {
    assert_eq!(toks("Jennifer M. Anderson"), ["Jennifer", "M.", "Anderson"]);
    assert_eq!(
        toks("J.R.R. Tolkien wrote."),
        ["J.R.R.", "Tolkien", "wrote", "."]
    );
}

#[test]
fn quotes_are_split() {
    assert_eq!(
        toks("\"We agree,\" he said."),
        ["\"", "We", "agree", ",", "\"", "he", "said", "."]
    );
    assert_eq!(toks("“Tokyo’s move”"), ["“", "Tokyo", "’s", "move", "”"]);
    assert_eq!(toks("'quoted'"), ["'", "quoted", "'"]);
}

#[test]
fn dashes_are_split() {
    assert_eq!(toks("talks—the first"), ["talks", "—", "the", "first"]);
    assert_eq!(toks("talks -- the first"), ["talks", "--", "the", "first"]);
    assert_eq!(toks("a 15-year term"), ["a", "15", "-", "year", "term"]);
    assert_eq!(
        toks("U.S.-Japan alliance"),
        ["U.S.", "-", "Japan", "alliance"]
    );
}

#[test]
fn numbers_and_money() {
    assert_eq!(toks("the 2+2 talks"), ["the", "2+2", "talks"]);
    assert_eq!(toks("$9.2 billion"), ["$", "9.2", "billion"]);
    assert_eq!(toks("1.05 trillion yen"), ["1.05", "trillion", "yen"]);
    assert_eq!(toks("155,221 bags"), ["155,221", "bags"]);
    assert_eq!(toks("up 5%."), ["up", "5", "%", "."]);
    assert_eq!(toks("call 713-853-3989"), ["call", "713-853-3989"]);
}

#[test]
fn urls_and_emails_stay_whole() {
    assert_eq!(
        toks("see https://example.com/a?b=1."),
        ["see", "https://example.com/a?b=1", "."]
    );
    assert_eq!(
        toks("mail carol.st.clair@enron.com,"),
        ["mail", "carol.st.clair@enron.com", ","]
    );
    assert_eq!(toks("(www.mofa.go.jp)"), ["(", "www.mofa.go.jp", ")"]);
}

#[test]
fn hyphenated_names_and_prefixes() {
    assert_eq!(
        toks("Jean-Claude Juncker"),
        ["Jean", "-", "Claude", "Juncker"]
    );
    assert_eq!(
        toks("an e-mail from a non-profit"),
        ["an", "e-mail", "from", "a", "non-profit"]
    );
}

#[test]
fn clitics_are_split() {
    assert_eq!(toks("I don't know"), ["I", "do", "n't", "know"]);
    assert_eq!(toks("It's Japan's"), ["It", "'s", "Japan", "'s"]);
    assert_eq!(
        toks("we can't, we won't"),
        ["we", "ca", "n't", ",", "we", "wo", "n't"]
    );
    assert_eq!(toks("I cannot"), ["I", "can", "not"]);
    assert_eq!(toks("the workers' union"), ["the", "workers", "'", "union"]);
}

#[test]
fn ellipses() {
    assert_eq!(toks("Well... maybe"), ["Well", "...", "maybe"]);
    assert_eq!(toks("wait…what"), ["wait", "…", "what"]);
    assert_eq!(toks("and so on..."), ["and", "so", "on", "..."]);
}

#[test]
fn gaps_record_line_breaks() {
    let t = tokenize("One.\n\nTwo\nthree");
    let gaps: Vec<Gap> = t.iter().map(|t| t.gap).collect();
    assert_eq!(gaps, [Gap::None, Gap::None, Gap::Paragraph, Gap::Newline]);
}

#[test]
fn web_text_conventions() {
    assert_eq!(toks("great!!! really?!"), ["great", "!!!", "really", "?!"]);
    assert_eq!(toks("nice :) thanks"), ["nice", ":)", "thanks"]);
    assert_eq!(toks("I dont know"), ["I", "do", "nt", "know"]);
    assert_eq!(toks("the 80's"), ["the", "80's"]);
    assert_eq!(
        toks("on 01-Feb-02 **note**"),
        ["on", "01-Feb-02", "**", "note", "**"]
    );
}

#[test]
fn no_sentence_ends_inside_a_title_and_name() {
    for text in [
        "British Defence Secretary Tom King has promised to continue military aid to Mozambique.",
        "Japanese Foreign Minister Yoko Kamikawa met her counterpart on Monday.",
    ] {
        let analysis = dyad_text::analyze(text);
        assert_eq!(analysis.sentences.len(), 1, "{text}");
    }
    let analysis = dyad_text::analyze("They met in Tokyo. Biden left on Sunday.");
    assert_eq!(analysis.sentences.len(), 2);
}
