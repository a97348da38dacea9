pub fn says() -> &'static str {
    let text = "hello says";
    match memchr::memchr(b' ', text.as_bytes()) {
        Some(_) => text,
        None => "hello",
    }
}
