use regex::Regex;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug)]
struct Target {
    id: String,
    triple: String,
}

fn main() {
    let triple = Regex::new(r"^(\w+)-(\w+)-(\w+)").unwrap();
    let text = r#"[{"id":"linux-x64","triple":"x86_64-unknown-linux-gnu"}]"#;
    let targets: Vec<Target> = serde_json::from_str(text).unwrap();
    for t in &targets {
        let arch = triple.captures(&t.triple).map(|c| c[1].to_string()).unwrap_or_default();
        println!("{} {} {}", t.id, arch, serde_json::to_string(t).unwrap());
    }
}
