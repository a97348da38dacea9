#![no_std]
#![no_main]

mod rt;

/// The program: says where it runs and what it computed with the FPU, then exits with status 0.
fn run() -> u32 {
    let mut sum = 0u32;
    for i in 1..=100 {
        sum += i;
    }
    // hard-float: the value travels in an FPU register (s0) and the FPU multiplies
    let area = core::hint::black_box(1.5f32) * core::hint::black_box(4.0f32);
    rt::print("embedded-thumbv7em: hello from thumbv7em-none-eabihf, sum=");
    rt::print_number(sum);
    rt::print(" area=");
    rt::print_number(area as u32);
    rt::print("\n");
    0
}
