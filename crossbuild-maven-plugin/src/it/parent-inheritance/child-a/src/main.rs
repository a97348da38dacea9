fn main() {
    println!("child_a says arch={} os={}", std::env::consts::ARCH, std::env::consts::OS);
}
