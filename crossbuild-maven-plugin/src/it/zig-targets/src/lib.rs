/// What the program prints: the sum a second thread computed, and the target it was built for.
pub fn greeting() -> String {
    let sum = std::thread::spawn(|| (1..=100u32).sum::<u32>()).join().unwrap();
    format!("zig-targets sum={} os={} arch={}", sum, std::env::consts::OS, std::env::consts::ARCH)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sums_in_a_thread() {
        assert!(super::greeting().contains("sum=5050"));
    }

    #[test]
    fn runs_on_its_own_cpu() {
        assert!(super::greeting().ends_with(&format!("arch={}", std::env::consts::ARCH)));
        #[cfg(target_arch = "aarch64")]
        assert_eq!(std::env::consts::ARCH, "aarch64");
    }
}
