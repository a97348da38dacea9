//! The crate's tests on the board: no libtest (it needs std), so this program runs them and prints its lines
//! ("test … ok", "test result: …") over semihosting, exiting with status 101 when one fails, as libtest does.
#![no_std]
#![no_main]

#[path = "../src/rt.rs"]
mod rt;

static mut INITIALISED: u32 = 42;
static mut ZEROED: [u32; 4] = [0; 4];

fn data_copied_to_ram() -> bool {
    unsafe { core::ptr::read_volatile(core::ptr::addr_of!(INITIALISED)) == 42 }
}

fn bss_zeroed() -> bool {
    unsafe { core::ptr::read_volatile(core::ptr::addr_of!(ZEROED)) == [0; 4] }
}

fn fpu_multiplies() -> bool {
    let x = core::hint::black_box(2.5f32);
    x * x == 6.25 && core::hint::black_box(10.0f32).sqrt_approx() > 3.16
}

trait SqrtApprox {
    fn sqrt_approx(self) -> f32;
}

impl SqrtApprox for f32 {
    /// Newton's method on the FPU (core has no sqrt without std)
    fn sqrt_approx(self) -> f32 {
        let mut guess = self / 2.0;
        for _ in 0..8 {
            guess = (guess + self / guess) / 2.0;
        }
        guess
    }
}

#[cfg(feature = "failing-test")]
fn fails_on_purpose() -> bool {
    core::hint::black_box(1.0f32) > 2.0
}

fn run() -> u32 {
    let tests: &[(&str, fn() -> bool)] = &[
        ("data_copied_to_ram", data_copied_to_ram),
        ("bss_zeroed", bss_zeroed),
        ("fpu_multiplies", fpu_multiplies),
        #[cfg(feature = "failing-test")]
        ("fails_on_purpose", fails_on_purpose),
    ];
    rt::print("embedded-thumbv7em: tests on a Cortex-M4 (qemu mps2-an386)\n");
    rt::print("\nrunning ");
    rt::print_number(tests.len() as u32);
    rt::print(" tests\n");
    let mut failed: [&str; 4] = [""; 4];
    let mut failures = 0;
    for (name, test) in tests {
        let ok = test();
        rt::print("test ");
        rt::print(name);
        rt::print(if ok { " ... ok\n" } else { " ... FAILED\n" });
        if !ok {
            failed[failures] = name;
            failures += 1;
        }
    }
    if failures > 0 {
        rt::print("\nfailures:\n");
        for name in &failed[..failures] {
            rt::print("\n---- ");
            rt::print(name);
            rt::print(" stdout ----\n");
            rt::print(name);
            rt::print(" returned false on the board\n");
        }
        rt::print("\nfailures:\n");
        for name in &failed[..failures] {
            rt::print("    ");
            rt::print(name);
            rt::print("\n");
        }
    }
    rt::print(if failures == 0 { "\ntest result: ok. " } else { "\ntest result: FAILED. " });
    rt::print_number((tests.len() - failures) as u32);
    rt::print(" passed; ");
    rt::print_number(failures as u32);
    rt::print(" failed; 0 ignored; 0 measured; 0 filtered out\n\n");
    if failures == 0 { 0 } else { 101 }
}
