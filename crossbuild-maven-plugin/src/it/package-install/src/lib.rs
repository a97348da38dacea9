/// A C-callable function, so the crate also yields a shared library to package.
#[no_mangle]
pub extern "C" fn greeting_answer() -> i32 {
    42
}
