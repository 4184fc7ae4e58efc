//! Development driver for `dyad_text::experiment::parser_dev`.
//! usage: pexp UD_DIR CACHE EPOCHS REPORT,EPOCHS
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::path::PathBuf::from(&args[1]);
    let epochs: usize = args[3].parse().expect("epochs");
    let report: Vec<usize> = args[4].split(',').map(|x| x.parse().expect("n")).collect();
    let options = dyad_text::train::TrainOptions {
        parser_epochs: epochs,
        ..Default::default()
    };
    let train = std::fs::read_to_string(dir.join("en_ewt-ud-train.conllu")).expect("train");
    let dev = std::fs::read_to_string(dir.join("en_ewt-ud-dev.conllu")).expect("dev");
    let t = std::time::Instant::now();
    dyad_text::experiment::parser_dev(
        &train,
        &dev,
        &options,
        std::path::Path::new(&args[2]),
        &report,
        &mut |l| eprintln!("[{:6.1}s] {l}", t.elapsed().as_secs_f64()),
    )
    .expect("run");
}
