fn main() {
    println!("hello from arch={} os={}", std::env::consts::ARCH, std::env::consts::OS);
}
