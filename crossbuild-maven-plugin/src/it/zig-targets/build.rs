use std::env;
use std::fs;
use std::path::{Path, PathBuf};

// Links the C library that cmake built with zig cc, for the targets that have it (the plugin hands over its
// directory as CROSSBUILD_NATIVE_ADDER_DIR); the others build without it.
fn main() {
    println!("cargo:rerun-if-env-changed=CROSSBUILD_NATIVE_ADDER_DIR");
    println!("cargo::rustc-check-cfg=cfg(has_adder)");
    if let Ok(dir) = env::var("CROSSBUILD_NATIVE_ADDER_DIR") {
        let file = find(Path::new(&dir), "libadder.a").unwrap_or_else(|| panic!("no libadder.a below {}", dir));
        println!("cargo:rustc-link-search=native={}", file.parent().unwrap().display());
        println!("cargo:rustc-link-lib=static=adder");
        println!("cargo:rustc-cfg=has_adder");
    }
}

fn find(dir: &Path, name: &str) -> Option<PathBuf> {
    for entry in fs::read_dir(dir).ok()?.flatten() {
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
