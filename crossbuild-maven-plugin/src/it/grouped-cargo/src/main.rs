#[cfg(all(feature = "broken", windows))]
compile_error!("grouped does not build for Windows with feature `broken`");

fn main() {
    println!("grouped says arch={} os={} built_for={} arm_flag={} win_flag={} host_flag={} script_flags={}",
        std::env::consts::ARCH, std::env::consts::OS, env!("BUILT_FOR"), cfg!(arm_flag), cfg!(win_flag),
        cfg!(host_flag), env!("SCRIPT_FLAGS"));
}
