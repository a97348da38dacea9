use std::ffi::CStr;
use std::os::raw::{c_char, c_int};

extern "C" {
    fn tray_value(x: c_int) -> c_int;
    fn tray_arch() -> *const c_char;
    fn calc_add(a: c_int, b: c_int) -> c_int;
    fn calc_system() -> *const c_char;
    fn scale_mul(x: c_int) -> c_int;
    fn scale_pointer_bits() -> c_int;
    fn scale_file() -> *const c_char;
}

fn text(p: *const c_char) -> String {
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

fn main() {
    unsafe {
        println!(
            "rust_arch={} tray={} tray_arch={} calc={} calc_system={} scale={} scale_bits={} scale_file={}",
            std::env::consts::ARCH,
            tray_value(2),
            text(tray_arch()),
            calc_add(40, 2),
            text(calc_system()),
            scale_mul(6),
            scale_pointer_bits(),
            text(scale_file())
        );
    }
}
