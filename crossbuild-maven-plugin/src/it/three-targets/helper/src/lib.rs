lazy_static::lazy_static! {
    pub static ref OS: &'static str = std::env::consts::OS;
}
