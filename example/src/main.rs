fn main() {
    println!("{}", greeting(std::env::consts::ARCH, std::env::consts::OS));
}

fn greeting(arch: &str, os: &str) -> String {
    format!("hello-crossbuild running on arch={} os={}", arch, os)
}

#[cfg(test)]
mod tests {
    #[test]
    fn greets_with_the_cpu_it_runs_on() {
        let text = super::greeting(std::env::consts::ARCH, std::env::consts::OS);
        assert!(text.ends_with(&format!("arch={} os={}", std::env::consts::ARCH, std::env::consts::OS)));
    }
}
