// a module in a source folder named `target`: the second build's copy must keep it, or the copy does not compile
mod target;

fn main() {
    println!("{}", target::greeting());
}
