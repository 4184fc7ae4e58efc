//! Development driver for `dyad_text::experiment::tagger_dev`: trains the
//! first tagging pass only and prints EWT dev UPOS after chosen epochs.
//! usage: texp UD_DIR EPOCHS REPORT,EPOCHS
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(Ok(epochs)), Some(report)) = (
        args.get(1),
        args.get(2).map(|s| s.parse::<usize>()),
        args.get(3),
    ) else {
        eprintln!("usage: texp UD_DIR EPOCHS REPORT,EPOCHS");
        return ExitCode::FAILURE;
    };
    let report: Vec<usize> = report.split(',').filter_map(|x| x.parse().ok()).collect();
    let options = dyad_text::train::TrainOptions {
        tagger_epochs: epochs,
        ..Default::default()
    };
    let dir = std::path::PathBuf::from(dir);
    let read = |name: &str| std::fs::read_to_string(dir.join(name));
    let (Ok(train), Ok(dev)) = (read("en_ewt-ud-train.conllu"), read("en_ewt-ud-dev.conllu"))
    else {
        eprintln!(
            "cannot read the EWT train and dev files in {}",
            dir.display()
        );
        return ExitCode::FAILURE;
    };
    let t = std::time::Instant::now();
    match dyad_text::experiment::tagger_dev(&train, &dev, &options, &report, &mut |l| {
        eprintln!("[{:6.1}s] {l}", t.elapsed().as_secs_f64())
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
