use std::env;

// Hands what the build script saw of the captured environment to the binary, which prints it.
fn main() {
    for name in ["IT_ODD", "INCLUDE", "LIB", "VSCMD_ARG_TGT_ARCH", "VCINSTALLDIR", "PATH", "WINEDLLDIR0"] {
        println!("cargo:rerun-if-env-changed={}", name);
        println!("cargo:rustc-env=SEEN_{}={}", name, env::var(name).unwrap_or_default());
    }
}
