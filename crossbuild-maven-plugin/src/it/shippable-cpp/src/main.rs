use std::ffi::CStr;
use std::os::raw::{c_char, c_int};

extern "C" {
    fn greeting(times: c_int) -> *const c_char;
}

fn main() {
    let text = unsafe { CStr::from_ptr(greeting(3)) }.to_string_lossy().into_owned();
    println!("{} on {}", text, std::env::consts::ARCH);
}
