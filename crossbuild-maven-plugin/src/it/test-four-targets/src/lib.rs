/// What every build of this crate prints, whatever its CPU: a checksum of a little work.
pub fn report() -> String {
    let words = ["cargo", "make", "meson", "cmake", "wasm"];
    let sum: u32 = words.iter().flat_map(|w| w.bytes()).map(u32::from).sum();
    format!("fourway: {} words, checksum {}", words.len(), sum)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_reports() {
        assert!(super::report().starts_with("fourway: 5 words"));
    }

    // threads where the target has them: under the chosen qemu for aarch64, beside libtest's parallel runner
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_threads() {
        let workers: Vec<_> = (0..4).map(|i| std::thread::spawn(move || i * 2)).collect();
        assert_eq!(workers.into_iter().map(|w| w.join().unwrap()).sum::<i32>(), 12);
    }

    // WASI through the plugin's runtime: arguments, environment and the clock reach the module
    #[cfg(target_os = "wasi")]
    #[test]
    fn a_wasi_sees_its_environment() {
        assert!(std::env::args().next().unwrap().ends_with(".wasm"));
        assert!(std::env::var("CARGO_PKG_NAME").is_ok() || std::env::vars().count() > 0);
        assert!(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() > 1_600_000_000);
    }

    // turned on by --cfg crossbuild_wasm_fail in the wasm target's <rustflags>: on wasm32 a panic aborts the
    // whole test binary, so the tests after this one never run
    #[cfg(crossbuild_wasm_fail)]
    #[test]
    fn b_fails_on_wasm() {
        println!("before the failure");
        assert_eq!(1 + 1, 3, "configured to fail on wasm");
    }

    #[test]
    fn c_after_the_failure() {}

    #[test]
    fn d_last() {}
}
