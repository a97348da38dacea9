extern "C" {
    fn adder_add(a: i32, b: i32) -> i32;
}

/// What the program prints: the sum a second thread computed, the C library's answer (cmake and zig cc, once per
/// slice) and the architecture of the slice.
pub fn greeting() -> String {
    let sum = std::thread::spawn(|| (1..=100u32).sum::<u32>()).join().unwrap();
    let c = unsafe { adder_add(40, 2) };
    format!("zig-universal sum={} os={} arch={} c=adder({})", sum, std::env::consts::OS, std::env::consts::ARCH, c)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sums_in_a_thread() {
        assert!(super::greeting().contains("sum=5050 os=macos"));
    }
}
