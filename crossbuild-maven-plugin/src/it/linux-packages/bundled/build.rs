use std::env;

// Links the shared library the plugin's native build made for this target.
fn main() {
    println!("cargo:rerun-if-env-changed=CROSSBUILD_NATIVE_GREET_DIR");
    let dir = env::var("CROSSBUILD_NATIVE_GREET_DIR").expect("run build-native first");
    println!("cargo:rustc-link-search=native={}", dir);
    println!("cargo:rustc-link-lib=dylib=greet");
}
