// imports from a module no WASI runtime provides, when built with --cfg crossbuild_bad_import
#[cfg(crossbuild_bad_import)]
#[link(wasm_import_module = "host")]
extern "C" {
    fn host_answer() -> i32;
}

fn main() {
    println!("{}", fourway::report());
    #[cfg(crossbuild_bad_import)]
    println!("{}", unsafe { host_answer() });
}
