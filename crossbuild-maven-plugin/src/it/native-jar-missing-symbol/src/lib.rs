use std::os::raw::c_void;

#[no_mangle]
pub extern "system" fn Java_dev_crossbuild_it_missing_Lib_add(_env: *mut c_void, _class: *mut c_void, a: i32, b: i32) -> i32 {
    a + b
}

// no Java_dev_crossbuild_it_missing_Lib_twice: Lib.twice(int) does not link

// the short name of the overloaded Lib.f: the JVM would call it for f(int) and f(String) alike
#[no_mangle]
pub extern "system" fn Java_dev_crossbuild_it_missing_Lib_f(_env: *mut c_void, _class: *mut c_void, x: i32) -> i32 {
    x + 1
}

#[cfg(feature = "onload")]
#[no_mangle]
pub extern "system" fn JNI_OnLoad(_vm: *mut c_void, _reserved: *mut c_void) -> i32 {
    0x0001_0008 // JNI_VERSION_1_8
}
