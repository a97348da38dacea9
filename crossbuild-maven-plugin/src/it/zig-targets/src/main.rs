fn main() {
    println!("{}", zigtargets::greeting());
}
