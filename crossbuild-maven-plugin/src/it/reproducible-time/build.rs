// A build script of the kind that breaks reproducibility: it writes the current time into the program.
use std::time::{SystemTime, UNIX_EPOCH};

fn main() {
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos();
    let out = std::env::var("OUT_DIR").unwrap();
    std::fs::write(format!("{}/stamp.txt", out), nanos.to_string()).unwrap();
}
