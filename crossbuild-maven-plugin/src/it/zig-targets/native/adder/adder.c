#include <gnu/libc-version.h>

/* compiled by zig cc for the glibc 2.17 target: the header it compiles against is glibc 2.17's */
int adder_add(int a, int b) { return a + b; }
int adder_glibc_minor(void) { return __GLIBC_MINOR__; }
