// Built once for the host in a grouped run, then run once per target: it says which target it ran for and
// whether any target's rustflags reached it (they must not: they are the targets' own).
fn main() {
    // (without this, any file of the package, such as the scenario's build.log, reruns it)
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-env=BUILT_FOR={}", std::env::var("TARGET").unwrap());
    println!("cargo:rustc-env=SCRIPT_FLAGS={}", cfg!(arm_flag) || cfg!(win_flag) || cfg!(host_flag));
}
