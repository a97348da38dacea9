extern "C" {
    fn greet_value() -> i32;
}

fn main() {
    println!("greet={} on {}", unsafe { greet_value() }, std::env::consts::ARCH);
}
