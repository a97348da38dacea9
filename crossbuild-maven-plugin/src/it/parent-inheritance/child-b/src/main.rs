fn main() {
    println!("child_b says arch={} os={}", std::env::consts::ARCH, std::env::consts::OS);
}
