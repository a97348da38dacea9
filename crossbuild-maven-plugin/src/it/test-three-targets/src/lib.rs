/// The CPU this code was compiled for.
///
/// ```
/// assert!(!testme::arch().is_empty());
/// ```
pub fn arch() -> &'static str {
    std::env::consts::ARCH
}

pub fn add(a: i32, b: i32) -> i32 {
    a + b
}

#[cfg(test)]
mod tests {
    #[test]
    fn adds() {
        assert_eq!(super::add(2, 2), 4);
    }

    #[test]
    #[ignore]
    fn needs_a_network() {}

    #[cfg(target_arch = "aarch64")]
    #[test]
    fn only_on_aarch64() {
        assert_eq!(super::arch(), "aarch64");
        // threads under qemu-user, beside libtest's own parallel runner: `qemu-aarch64 -L …` hung here
        let workers: Vec<_> = (0..4).map(|i| std::thread::spawn(move || i * 2)).collect();
        assert_eq!(workers.into_iter().map(|w| w.join().unwrap()).sum::<i32>(), 12);
    }

    #[cfg(windows)]
    #[test]
    fn only_on_windows() {
        assert!(std::env::var("SystemRoot").is_ok() || std::env::var("windir").is_ok() || cfg!(windows));
    }

    // turned on for the host by --cfg crossbuild_controls: output and a panic message that XML 1.0 cannot hold
    #[cfg(crossbuild_controls)]
    #[test]
    fn prints_control_characters() {
        println!("NUL \0 BEL \x07 ESC \x1b[31mred\x1b[0m");
        panic!("NUL \0 BEL \x07 ESC \x1b[1m in a panic");
    }

    // turned on for one target by --cfg crossbuild_fail in its <rustflags>
    #[cfg(crossbuild_fail)]
    #[test]
    fn fails_where_configured() {
        assert_eq!(super::add(1, 1), 3, "configured to fail on {}", super::arch());
    }
}
