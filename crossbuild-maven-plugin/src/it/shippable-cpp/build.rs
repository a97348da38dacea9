use std::env;
use std::path::{Path, PathBuf};

// Links the C++ library the plugin built for this target, and the C++ runtime it needs: libstdc++ is a
// shared library on every target here (a system library on Linux, libstdc++-6.dll on Windows).
fn main() {
    println!("cargo:rerun-if-env-changed=CROSSBUILD_NATIVE_GREETER_DIR");
    let dir = env::var("CROSSBUILD_NATIVE_GREETER_DIR").expect("run build-native first");
    let lib = find(Path::new(&dir), "libgreeter.a").expect("no libgreeter.a");
    println!("cargo:rustc-link-search=native={}", lib.parent().unwrap().display());
    println!("cargo:rustc-link-lib=static=greeter");
    println!("cargo:rustc-link-lib=dylib=stdc++");
}

fn find(dir: &Path, name: &str) -> Option<PathBuf> {
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if let Some(found) = find(&path, name) {
                return Some(found);
            }
        } else if path.file_name().map_or(false, |n| n == name) {
            return Some(path);
        }
    }
    None
}
