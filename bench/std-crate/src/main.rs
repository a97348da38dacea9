use std::collections::BTreeMap;

// bench/zig.sh: a program with no dependencies, so the cost measured is the standard library's
fn main() {
    let words = std::env::args().skip(1).collect::<Vec<_>>();
    let counts = std::thread::spawn(move || {
        let mut counts = BTreeMap::new();
        for w in words {
            *counts.entry(w).or_insert(0u32) += 1;
        }
        counts
    })
    .join()
    .unwrap();
    println!("{:?}", counts);
}
