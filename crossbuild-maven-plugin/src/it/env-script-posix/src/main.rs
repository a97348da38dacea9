use std::ffi::CStr;
use std::os::raw::{c_char, c_int};

extern "C" {
    fn greet_flavour() -> *const c_char;
    fn greet_is_aarch64() -> c_int;
}

fn main() {
    let flavour = unsafe { CStr::from_ptr(greet_flavour()) }.to_string_lossy();
    let c_arch = if unsafe { greet_is_aarch64() } == 1 { "aarch64" } else { "other" };
    println!(
        "rust_arch={} c_arch={} flavour={} build_script_saw={}",
        std::env::consts::ARCH,
        c_arch,
        flavour,
        env!("SEEN_SDK_FLAVOUR")
    );
}
