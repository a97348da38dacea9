pub fn greeting() -> &'static str {
    "hello from src/target"
}
