//! JNI functions with no crate: JNIEnv and jclass are raw pointers, jint and jlong are i32 and i64.
//! Plus plain C functions, for JNA and java.lang.foreign.

use std::os::raw::c_void;

#[no_mangle]
pub extern "system" fn Java_dev_crossbuild_it_hello_Hello_add(_env: *mut c_void, _class: *mut c_void, a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

/// The sum 1..=n, computed in a thread this library starts.
#[no_mangle]
pub extern "system" fn Java_dev_crossbuild_it_hello_Hello_sumInThread(_env: *mut c_void, _class: *mut c_void, n: i64) -> i64 {
    std::thread::spawn(move || (1..=n).sum::<i64>()).join().unwrap_or(-1)
}

/// The ELF machine number of the architecture this library was built for: 62 x86_64, 183 aarch64.
#[no_mangle]
pub extern "system" fn Java_dev_crossbuild_it_hello_Hello_machine(_env: *mut c_void, _class: *mut c_void) -> i32 {
    machine()
}

fn machine() -> i32 {
    if cfg!(target_arch = "x86_64") {
        62
    } else if cfg!(target_arch = "aarch64") {
        183
    } else {
        0
    }
}

/// A plain C function: the square of x, plus 1000 times the machine number.
#[no_mangle]
pub extern "C" fn hello_square(x: i32) -> i32 {
    x * x + 1000 * machine()
}
