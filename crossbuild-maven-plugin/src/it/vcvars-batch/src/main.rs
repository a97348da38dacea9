fn main() {
    println!("IT_ODD={}", env!("SEEN_IT_ODD"));
    println!("INCLUDE={}", env!("SEEN_INCLUDE"));
    println!("LIB={}", env!("SEEN_LIB"));
    println!("VSCMD_ARG_TGT_ARCH={}", env!("SEEN_VSCMD_ARG_TGT_ARCH"));
    println!("VCINSTALLDIR={}", env!("SEEN_VCINSTALLDIR"));
    println!("PATH={}", env!("SEEN_PATH"));
    println!("WINE_ONLY={}", env!("SEEN_WINEDLLDIR0"));
}
