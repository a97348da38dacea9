#[cfg(has_adder)]
extern "C" {
    fn adder_add(a: i32, b: i32) -> i32;
    fn adder_glibc_minor() -> i32;
}

/// The C library's answer where the target has it (cmake and zig cc, glibc 2.17's headers).
#[cfg(has_adder)]
fn native() -> String {
    unsafe { format!(" c=adder({}) glibc-headers=2.{}", adder_add(40, 2), adder_glibc_minor()) }
}

#[cfg(not(has_adder))]
fn native() -> String {
    String::new()
}

/// What the program prints: the sum a second thread computed, and the target it was built for.
pub fn greeting() -> String {
    let sum = std::thread::spawn(|| (1..=100u32).sum::<u32>()).join().unwrap();
    format!("zig-targets sum={} os={} arch={}{}", sum, std::env::consts::OS, std::env::consts::ARCH, native())
}

#[cfg(test)]
mod tests {
    #[test]
    fn sums_in_a_thread() {
        assert!(super::greeting().contains("sum=5050"));
    }

    #[test]
    fn runs_on_its_own_cpu() {
        assert!(super::greeting().contains(&format!("arch={}", std::env::consts::ARCH)));
        #[cfg(target_arch = "aarch64")]
        assert_eq!(std::env::consts::ARCH, "aarch64");
    }
}
