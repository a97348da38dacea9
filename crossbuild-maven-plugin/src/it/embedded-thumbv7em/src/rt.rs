//! A minimal Cortex-M runtime (what cortex-m-rt does, for this crate only): the vector table, a reset handler that
//! initialises RAM, turns the FPU on and calls the crate's `run`, and ARM semihosting to print and to exit with a
//! status (qemu-system-arm with `-semihosting-config enable=on` turns both into its own output and exit status).

use core::arch::asm;
use core::panic::PanicInfo;
use core::ptr::{addr_of, addr_of_mut, read_volatile, write_volatile};

extern "C" {
    static mut __sbss: u32;
    static mut __ebss: u32;
    static mut __sdata: u32;
    static mut __edata: u32;
    static __sidata: u32;
}

/// The second word of the vector table; the first, the initial stack pointer, comes from link.x.
#[link_section = ".vector_table.reset_vector"]
#[no_mangle]
#[used]
pub static RESET_VECTOR: unsafe extern "C" fn() -> ! = reset;

/// NMI to SysTick: every exception ends the program with status 1 (reserved slots are zero).
#[link_section = ".vector_table.exceptions"]
#[no_mangle]
#[used]
pub static EXCEPTIONS: [Option<unsafe extern "C" fn() -> !>; 14] = [
    Some(fault), Some(fault), Some(fault), Some(fault), Some(fault), None, None, None, None, Some(fault),
    Some(fault), None, Some(fault), Some(fault),
];

#[no_mangle]
unsafe extern "C" fn reset() -> ! {
    let mut bss = addr_of_mut!(__sbss);
    while bss < addr_of_mut!(__ebss) {
        write_volatile(bss, 0);
        bss = bss.add(1);
    }
    let mut data = addr_of_mut!(__sdata);
    let mut load = addr_of!(__sidata);
    while data < addr_of_mut!(__edata) {
        write_volatile(data, read_volatile(load));
        data = data.add(1);
        load = load.add(1);
    }
    // CPACR: full access to the coprocessors CP10 and CP11 (the FPU), which hard-float code uses
    const CPACR: *mut u32 = 0xE000_ED88 as *mut u32;
    write_volatile(CPACR, read_volatile(CPACR) | (0xF << 20));
    asm!("dsb", "isb");
    exit(crate::run())
}

unsafe extern "C" fn fault() -> ! {
    print("fault: an exception was taken\n");
    exit(1)
}

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    print("panicked\n");
    exit(101)
}

const SYS_WRITE0: usize = 0x04;
const SYS_EXIT_EXTENDED: usize = 0x20;
const ADP_STOPPED_APPLICATION_EXIT: usize = 0x20026;

/// One semihosting call: the operation in r0, its argument in r1, `bkpt 0xab` on M-profile cores.
fn semihosting(operation: usize, argument: usize) -> usize {
    let result;
    unsafe {
        asm!("bkpt #0xab", inout("r0") operation => result, in("r1") argument, options(nostack));
    }
    result
}

/// Prints text on the host (SYS_WRITE0 takes a NUL-terminated string: sent in pieces of a small buffer).
pub fn print(text: &str) {
    let mut buffer = [0u8; 65];
    for chunk in text.as_bytes().chunks(64) {
        buffer[..chunk.len()].copy_from_slice(chunk);
        buffer[chunk.len()] = 0;
        semihosting(SYS_WRITE0, buffer.as_ptr() as usize);
    }
}

/// Prints a number in decimal.
pub fn print_number(mut value: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    print(core::str::from_utf8(&digits[at..]).unwrap_or("?"));
}

/// Ends the program: SYS_EXIT_EXTENDED carries the exit status (SYS_EXIT on 32-bit ARM only success or not).
pub fn exit(status: u32) -> ! {
    let block = [ADP_STOPPED_APPLICATION_EXIT, status as usize];
    semihosting(SYS_EXIT_EXTENDED, block.as_ptr() as usize);
    loop {
        unsafe { asm!("wfi") };
    }
}
