fn main() {
    let answer: i32 = "forty-two";
    println!("{}", answer);
}
