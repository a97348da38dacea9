fn main() {
    println!("{} arch={} os={}", greeting::says(), std::env::consts::ARCH, *helper::OS);
}
