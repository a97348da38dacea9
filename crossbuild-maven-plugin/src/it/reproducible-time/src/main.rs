const BUILT_AT: &str = include_str!(concat!(env!("OUT_DIR"), "/stamp.txt"));

fn main() {
    println!("built at {}", BUILT_AT);
}
