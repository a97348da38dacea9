fn main() {
    println!(
        "hello-crossbuild running on arch={} os={}",
        std::env::consts::ARCH,
        std::env::consts::OS
    );
}
