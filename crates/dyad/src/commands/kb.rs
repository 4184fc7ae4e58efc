//! `dyad kb`: the actor knowledge base — who held an office on a day,
//! resolution of text to actors, validation of data files, and imports
//! (CAMEO dictionaries, the open sources in `shared/data/`).
use anyhow::Context;
use clap::{Args, Subcommand};
use dyad_core::CharOffsets;
use dyad_kb::{KnowledgeBase, ResolvedMention};
use serde_json::json;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct KbArgs {
    #[command(subcommand)]
    pub command: KbCommand,
}

#[derive(Subcommand)]
pub enum KbCommand {
    /// Who held an office on a day: one JSON line per holder
    /// {"country","role","name","start","end","source"}; none known → no line.
    Office(OfficeArgs),
    /// Resolve the actor mentions of a text as of a day: one JSON line per mention
    /// {"text","start","end","actor","country","sector","person","role_on_date","anachronism"}
    /// (character offsets).
    Resolve(ResolveArgs),
    /// Validate knowledge-base files (dyad tables or CAMEO dictionaries); with no
    /// FILE, the built-in files. Problems go to stderr as FILE:LINE: message.
    Check(CheckArgs),
    /// Convert a PETRARCH/TABARI CAMEO actor or agent dictionary to dyad's aliases table.
    ImportCameo(ImportCameoArgs),
    /// Rebuild the imported data files from the open sources in shared/data.
    ImportSources(ImportSourcesArgs),
    /// Measure load time, alias look-ups/s and mentions resolved/s (JSON).
    Bench(KbBenchArgs),
}

#[derive(Args)]
pub struct KbBenchArgs {
    /// A JSONL corpus with a `text` field.
    #[arg(long, default_value = "../shared/data/news-corpus/reuters21578.jsonl")]
    pub corpus: PathBuf,
    /// How many texts to resolve.
    #[arg(long, default_value_t = 2000)]
    pub limit: usize,
}

/// Layers over the built-in knowledge base, shared by the resolving commands.
#[derive(Args, Clone, Default)]
pub struct KbLayers {
    /// A knowledge-base file (dyad TSV table or CAMEO dictionary) layered over the
    /// built-in one; repeatable, later files win.
    #[arg(long = "kb", value_name = "FILE")]
    pub kb: Vec<PathBuf>,
}

impl KbLayers {
    /// The built-in knowledge base, or a new one with the layers on top.
    pub fn load(&self) -> anyhow::Result<KbHandle> {
        if self.kb.is_empty() {
            return Ok(KbHandle::Builtin(KnowledgeBase::builtin()));
        }
        let mut files = Vec::new();
        for path in &self.kb {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read knowledge-base file", path.display()))?;
            files.push((path.display().to_string(), text));
        }
        let layers: Vec<(&str, &str)> = files
            .iter()
            .map(|(n, c)| (n.as_str(), c.as_str()))
            .collect();
        let kb = KnowledgeBase::with_layers(&layers)?;
        for d in kb
            .diagnostics
            .iter()
            .filter(|d| d.severity == dyad_core::Severity::Error)
            .take(20)
        {
            eprintln!("dyad kb: {d}");
        }
        Ok(KbHandle::Owned(Box::new(kb)))
    }
}

pub enum KbHandle {
    Builtin(&'static KnowledgeBase),
    Owned(Box<KnowledgeBase>),
}

impl std::ops::Deref for KbHandle {
    type Target = KnowledgeBase;
    fn deref(&self) -> &KnowledgeBase {
        match self {
            KbHandle::Builtin(k) => k,
            KbHandle::Owned(k) => k,
        }
    }
}

#[derive(Args)]
pub struct OfficeArgs {
    /// Country: ISO 3166-1 alpha-3 code or a name ("JPN", "Japan"); or an organisation code.
    pub country: String,
    /// Role: head_of_state, head_of_government, foreign_minister, defense_minister, ambassador, …
    pub role: String,
    /// The day (YYYY-MM-DD; a month or year asks about its middle).
    #[arg(long)]
    pub on: String,
    /// Only terms at this post (for ambassadors: the host country or organisation code).
    #[arg(long)]
    pub post: Option<String>,
    #[command(flatten)]
    pub layers: KbLayers,
}

#[derive(Args)]
pub struct ResolveArgs {
    /// The day the text speaks of (YYYY-MM-DD).
    #[arg(long)]
    pub on: String,
    /// The text; read from stdin when absent.
    pub text: Option<String>,
    #[command(flatten)]
    pub layers: KbLayers,
}

#[derive(Args)]
pub struct CheckArgs {
    pub files: Vec<PathBuf>,
}

#[derive(Args)]
pub struct ImportCameoArgs {
    /// A CAMEO actors or agents dictionary.
    pub file: PathBuf,
    /// Write here instead of stdout.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Args)]
pub struct ImportSourcesArgs {
    /// The shared folder (the one holding data/countries and data/office-holders).
    #[arg(long)]
    pub shared: PathBuf,
    /// The knowledge base's data folder to write into.
    #[arg(long, default_value = "crates/dyad-kb/data")]
    pub out: PathBuf,
}

pub fn run(args: KbArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        KbCommand::Office(a) => office(a),
        KbCommand::Resolve(a) => resolve(a),
        KbCommand::Check(a) => check(a),
        KbCommand::ImportCameo(a) => import_cameo(a),
        KbCommand::ImportSources(a) => import_sources(a),
        KbCommand::Bench(a) => {
            println!("{}", bench(&a.corpus, a.limit)?);
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn parse_on(s: &str) -> anyhow::Result<chrono::NaiveDate> {
    dyad_kb::parse_query_date(s)
        .with_context(|| format!("--on {s}: not a date (YYYY-MM-DD, YYYY-MM or YYYY)"))
}

fn office(a: OfficeArgs) -> anyhow::Result<ExitCode> {
    let kb = a.layers.load()?;
    let date = parse_on(&a.on)?;
    let country = match kb.country_code(&a.country) {
        Some(c) => c.to_string(),
        None if kb.organisation(&a.country.to_ascii_uppercase()).is_some() => {
            a.country.to_ascii_uppercase()
        }
        None => anyhow::bail!("{}: not a known country code or name", a.country),
    };
    let role = normalise_role(&kb, &a.role);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let post = a
        .post
        .as_deref()
        .map(|p| kb.country_code(p).unwrap_or(p).to_string());
    for t in kb.office(&country, &role, date) {
        if post.as_ref().is_some_and(|p| t.post.as_ref() != Some(p)) {
            continue;
        }
        let line = json!({
            "country": t.country, "role": t.role, "name": t.name,
            "start": t.start, "end": t.end, "source": t.source,
            "post": t.post,
        });
        writeln!(out, "{line}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Accepts role names as written ("defence_minister", "Foreign Minister",
/// "head-of-state") as well as titles the knowledge base knows.
fn normalise_role(kb: &KnowledgeBase, role: &str) -> String {
    let snake = role
        .trim()
        .to_lowercase()
        .replace(['-', ' '], "_")
        .replace("defence", "defense");
    if kb.roles().contains(&snake.as_str()) {
        return snake;
    }
    kb.title_role(role)
        .map(|(r, _)| r.to_string())
        .unwrap_or(snake)
}

/// One mention as the contract's JSON line, with character offsets.
pub fn mention_json(m: &ResolvedMention, offsets: &CharOffsets) -> serde_json::Value {
    json!({
        "text": m.text,
        "start": offsets.char_of(m.span.start),
        "end": offsets.char_of(m.span.end),
        "actor": m.actor,
        "country": m.country,
        "sector": m.sector,
        "person": m.person,
        "role_on_date": m.role_on_date,
        "anachronism": m.anachronism,
        "kind": m.kind,
        "claimed_role": m.claimed_role,
        "source": m.source,
    })
}

fn resolve(a: ResolveArgs) -> anyhow::Result<ExitCode> {
    let kb = a.layers.load()?;
    let date = parse_on(&a.on)?;
    let text = match a.text {
        Some(t) => t,
        None => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .context("stdin: cannot read text")?;
            s
        }
    };
    let offsets = CharOffsets::new(&text);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for m in kb.resolve_text(&text, date) {
        writeln!(out, "{}", mention_json(&m, &offsets))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn check(a: CheckArgs) -> anyhow::Result<ExitCode> {
    let mut files: Vec<(String, String)> = Vec::new();
    if a.files.is_empty() {
        for (n, c) in dyad_kb::BUILTIN_FILES {
            files.push((format!("builtin:{n}"), (*c).to_string()));
        }
    }
    let mut unreadable = 0;
    for p in &a.files {
        match std::fs::read_to_string(p) {
            Ok(c) => files.push((p.display().to_string(), c)),
            Err(e) => {
                eprintln!("dyad kb check: {}: cannot read: {e}", p.display());
                unreadable += 1;
            }
        }
    }
    let mut bad = 0;
    let total = files.len() + unreadable;
    for (name, contents) in &files {
        match dyad_kb::check_file(name, contents) {
            Ok(diags) => {
                let errors = diags
                    .iter()
                    .filter(|d| d.severity == dyad_core::Severity::Error)
                    .count();
                for d in &diags {
                    eprintln!("{d}");
                }
                if errors > 0 {
                    bad += 1;
                }
                println!(
                    "{}",
                    json!({"file": name, "ok": errors == 0, "errors": errors, "warnings": diags.len() - errors})
                );
            }
            Err(e) => {
                eprintln!("dyad kb check: {e}");
                println!(
                    "{}",
                    json!({"file": name, "ok": false, "errors": 1, "warnings": 0})
                );
                bad += 1;
            }
        }
    }
    // The layered whole must load too (cross-file references).
    if a.files.is_empty() {
        let kb = KnowledgeBase::builtin();
        eprintln!(
            "dyad kb check: built-in knowledge base: {}",
            json!(kb.stats())
        );
    }
    let bad = bad + unreadable;
    Ok(if bad == 0 {
        ExitCode::SUCCESS
    } else if bad < total {
        ExitCode::from(2)
    } else {
        ExitCode::from(1)
    })
}

fn import_cameo(a: ImportCameoArgs) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&a.file)
        .with_context(|| format!("{}: cannot read", a.file.display()))?;
    if !dyad_kb::is_cameo(&text) {
        anyhow::bail!(
            "{}: no CAMEO codes (`[CODE]`) found: not a CAMEO dictionary",
            a.file.display()
        );
    }
    let name = a.file.display().to_string();
    let (tsv, diags) = dyad_kb::cameo_to_dyad(&name, &text);
    for d in diags.iter().take(50) {
        eprintln!("{d}");
    }
    match a.out {
        Some(p) => {
            std::fs::write(&p, tsv).with_context(|| format!("{}: cannot write", p.display()))?
        }
        None => std::io::stdout().lock().write_all(tsv.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn import_sources(a: ImportSourcesArgs) -> anyhow::Result<ExitCode> {
    let read = |rel: &str| -> anyhow::Result<String> {
        let p = a.shared.join("data").join(rel);
        let bytes =
            std::fs::read(&p).with_context(|| format!("{}: cannot read source", p.display()))?;
        // REIGN's CSVs are Latin-1; every other source is UTF-8.
        Ok(match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
        })
    };
    let countries_json = read("countries/countries.json")?;
    let countryinfo_txt = read("office-holders/countryinfo/CountryInfo.120116.txt")?;
    let countryinfo_terms = read("office-holders/countryinfo/countryinfo_terms.tsv")?;
    let reign_leaders = read("office-holders/reign/leaderlist_3_21.csv")?;
    let reign_regimes = read("office-holders/reign/regime_list.csv")?;
    let ifg_person = read("office-holders/ifg-uk-ministers/person.csv")?;
    let ifg_post = read("office-holders/ifg-uk-ministers/post.csv")?;
    let ifg_appointment = read("office-holders/ifg-uk-ministers/appointment.csv")?;
    let out = dyad_kb::import::import_sources(&dyad_kb::import::SourceFiles {
        countries_json: &countries_json,
        countryinfo_txt: &countryinfo_txt,
        countryinfo_terms: &countryinfo_terms,
        reign_leaders: &reign_leaders,
        reign_regimes: &reign_regimes,
        ifg_person: &ifg_person,
        ifg_post: &ifg_post,
        ifg_appointment: &ifg_appointment,
    });
    for d in out.diagnostics.iter().take(50) {
        eprintln!("{d}");
    }
    for (rel, contents) in &out.files {
        let p = a.out.join(rel);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("{}: cannot create", dir.display()))?;
        }
        std::fs::write(&p, contents).with_context(|| format!("{}: cannot write", p.display()))?;
        eprintln!(
            "dyad kb import-sources: wrote {} ({} lines)",
            p.display(),
            contents.lines().count()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Speed of the knowledge base: load time of a fresh compile of the built-in
/// files, exact alias look-ups per second (one core), and mentions resolved per
/// second over the first `limit` texts of a JSONL corpus (`text` field).
pub fn bench(corpus: &Path, limit: usize) -> anyhow::Result<serde_json::Value> {
    let started = std::time::Instant::now();
    let kb = KnowledgeBase::with_layers(&[])?;
    let load_ms = started.elapsed().as_secs_f64() * 1000.0;

    // Exact look-ups over keys of phrases the knowledge base holds, plus misses.
    let keys: Vec<String> = [
        "japan",
        "u s",
        "tokyo",
        "foreign minister",
        "antony blinken",
        "nato",
        "the kremlin",
        "secretary of state",
        "minoru kihara",
        "white house",
        "beijing",
        "cocoa",
        "said",
        "brazil",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let rounds = 2_000_000usize;
    let t = std::time::Instant::now();
    let mut hits = 0usize;
    for i in 0..rounds {
        let k = &keys[i % keys.len()];
        hits += kb.lookup_alias(std::hint::black_box(k));
    }
    let lookup_s = t.elapsed().as_secs_f64();
    std::hint::black_box(hits);

    let file = std::fs::File::open(corpus)
        .with_context(|| format!("{}: cannot open corpus", corpus.display()))?;
    let reader = std::io::BufReader::new(file);
    let mut texts = Vec::new();
    for line in std::io::BufRead::lines(reader).take(limit) {
        let line = line?;
        let v: serde_json::Value = serde_json::from_str(&line).context("corpus: bad JSON line")?;
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            texts.push(t.to_string());
        }
    }
    let date = chrono::NaiveDate::from_ymd_opt(1987, 3, 1).context("date")?;
    let t = std::time::Instant::now();
    let mut mentions = 0usize;
    let mut bytes = 0usize;
    for text in &texts {
        mentions += kb.resolve_text(text, date).len();
        bytes += text.len();
    }
    let resolve_s = t.elapsed().as_secs_f64().max(1e-9);
    Ok(json!({
        "load_ms": load_ms,
        "lookups_per_s": rounds as f64 / lookup_s.max(1e-9),
        "mentions_per_s": mentions as f64 / resolve_s,
        "mentions": mentions,
        "docs": texts.len(),
        "docs_per_s": texts.len() as f64 / resolve_s,
        "mb_per_s": bytes as f64 / 1e6 / resolve_s,
        "kb": kb.stats(),
    }))
}
