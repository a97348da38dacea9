use std::collections::HashMap;

/// A HashMap seeds itself from the system's random source: on Windows, Rust 1.78 and later ask
/// bcryptprimitives.dll's ProcessPrng for it.
fn count(words: &str) -> usize {
    let mut seen = HashMap::new();
    for word in words.split_whitespace() {
        *seen.entry(word).or_insert(0) += 1;
    }
    seen.len()
}

fn main() {
    println!("winprng words={} os={} arch={}", count("a b a c"), std::env::consts::OS, std::env::consts::ARCH);
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_distinct_words() {
        assert_eq!(super::count("a b a c"), 3);
    }
}
