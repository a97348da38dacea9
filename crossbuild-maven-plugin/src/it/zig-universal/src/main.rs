fn main() {
    println!("{}", ziglib::greeting());
}
