fn main() {
    let found = memchr::memchr(b'x', b"abcxdef");
    #[cfg(windows)]
    {
        let mut buf = itoa::Buffer::new();
        println!("{}", buf.format(found.unwrap_or(0)));
    }
    #[cfg(not(windows))]
    println!("{:?}", found);
}
