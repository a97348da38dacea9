use std::env;

fn main() {
    println!("cargo:rerun-if-env-changed=CROSSBUILD_NATIVE_GREET_DIR");
    println!("cargo:rerun-if-env-changed=SDK_FLAVOUR");
    let dir = env::var("CROSSBUILD_NATIVE_GREET_DIR").expect("CROSSBUILD_NATIVE_GREET_DIR");
    println!("cargo:rerun-if-changed={}/libgreet.a", dir);
    println!("cargo:rustc-link-search=native={}", dir);
    println!("cargo:rustc-link-lib=static=greet");
    println!("cargo:rustc-env=SEEN_SDK_FLAVOUR={}", env::var("SDK_FLAVOUR").unwrap_or_default());
}
