use std::env;
use std::fs;
use std::path::{Path, PathBuf};

// Links the native libraries from the per-target directories the plugin hands over. The directory
// comes from the environment, never from a fixed path, and build.rs never uses #[cfg(target_arch)]:
// it is compiled for the host.
fn main() {
    for (lib, var) in [
        ("tray", "CROSSBUILD_NATIVE_TRAY_DIR"),
        ("calc", "CROSSBUILD_NATIVE_CALC_DIR"),
        ("scale", "CROSSBUILD_NATIVE_SCALE_DIR"),
    ] {
        println!("cargo:rerun-if-env-changed={}", var);
        let dir = env::var(var).unwrap_or_else(|_| panic!("{} is not set: run build-native first", var));
        let file = find(Path::new(&dir), &format!("lib{}.a", lib))
            .unwrap_or_else(|| panic!("no lib{}.a below {}", lib, dir));
        println!("cargo:rerun-if-changed={}", file.display());
        println!("cargo:rustc-link-search=native={}", file.parent().unwrap().display());
        println!("cargo:rustc-link-lib=static={}", lib);
    }
}

// Outputs are found, not assumed (meson's layout differs between versions).
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
