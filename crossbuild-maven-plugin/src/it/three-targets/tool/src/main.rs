cfg_if::cfg_if! {
    if #[cfg(unix)] {
        fn main() { println!("tool on unix"); }
    } else {
        fn main() { println!("tool elsewhere"); }
    }
}
