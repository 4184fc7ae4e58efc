//! Development driver for `dyad_text::experiment::parser_dev`: trains the
//! parser and labeler only and prints EWT dev scores after chosen epochs.
//! usage: pexp UD_DIR CACHE EPOCHS REPORT,EPOCHS
//! (CACHE holds the jackknifed training tags between runs)
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(cache), Some(Ok(epochs)), Some(report)) = (
        args.get(1),
        args.get(2),
        args.get(3).map(|s| s.parse::<usize>()),
        args.get(4),
    ) else {
        eprintln!("usage: pexp UD_DIR CACHE EPOCHS REPORT,EPOCHS");
        return ExitCode::FAILURE;
    };
    let report: Vec<usize> = report.split(',').filter_map(|x| x.parse().ok()).collect();
    let options = dyad_text::train::TrainOptions {
        parser_epochs: epochs,
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
    match dyad_text::experiment::parser_dev(
        &train,
        &dev,
        &options,
        std::path::Path::new(cache),
        &report,
        &mut |l| eprintln!("[{:6.1}s] {l}", t.elapsed().as_secs_f64()),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
