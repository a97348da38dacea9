/* compiled by zig cc once per slice of the universal target (aarch64-macos, x86_64-macos), linked into each */
int adder_add(int a, int b) { return a + b; }
