use std::env;
use std::fs;
use std::path::{Path, PathBuf};

// Links the C library that cmake built with zig cc for each slice (the plugin hands over its
// directory as CROSSBUILD_NATIVE_ADDER_DIR); without it the build fails.
fn main() {
    println!("cargo:rerun-if-env-changed=CROSSBUILD_NATIVE_ADDER_DIR");
    let dir = env::var("CROSSBUILD_NATIVE_ADDER_DIR").expect("no CROSSBUILD_NATIVE_ADDER_DIR from the plugin");
    let file = find(Path::new(&dir), "libadder.a").unwrap_or_else(|| panic!("no libadder.a below {}", dir));
    println!("cargo:rustc-link-search=native={}", file.parent().unwrap().display());
    println!("cargo:rustc-link-lib=static=adder");
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
