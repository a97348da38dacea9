use std::ffi::CStr;
use std::os::raw::c_char;

extern "C" {
    fn tray_file() -> *const c_char;
    fn calc_file() -> *const c_char;
    fn scale_file() -> *const c_char;
}

fn text(p: *const c_char) -> String {
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

// Each C library returns the __FILE__ it was compiled from, with an absolute path: the prefix maps the
// plugin gives make (CFLAGS quoted for the shell), meson (its machine file's arrays) and cmake turn them
// into stable names, even though the project's directory holds a space.
fn main() {
    unsafe {
        println!("arch={} tray={} calc={} scale={}", std::env::consts::ARCH, text(tray_file()), text(calc_file()),
            text(scale_file()));
    }
}
