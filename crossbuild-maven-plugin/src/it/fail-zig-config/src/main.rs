fn main() {
    println!("hello says arch={} os={}", std::env::consts::ARCH, std::env::consts::OS);
}
