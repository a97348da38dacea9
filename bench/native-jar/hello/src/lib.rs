use std::os::raw::c_void;

#[no_mangle]
pub extern "system" fn Java_bench_Hello_add(_env: *mut c_void, _class: *mut c_void, a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}
