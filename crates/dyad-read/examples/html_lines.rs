//! Prints the lines the HTML reader sees in a page, with their roles:
//! `cargo run -p dyad-read --example html_lines -- PAGE.html`
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: html_lines PAGE.html");
        std::process::exit(2);
    };
    let html = match std::fs::read_to_string(&path) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    match dyad_read::html_lines(&html) {
        Ok(lines) => {
            for (role, text) in lines {
                println!(
                    "{role:>10} | {}",
                    text.chars().take(110).collect::<String>()
                );
            }
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    }
}
