fn main() {
    // file!() and a panic location carry the source path: the remap turns it into the stable project path
    println!("arch={} file={} flag={}", std::env::consts::ARCH, file!(), cfg!(spaced_flag));
    if std::env::args().count() > 3 {
        let none: Option<u8> = None;
        none.expect("never");
    }
}
