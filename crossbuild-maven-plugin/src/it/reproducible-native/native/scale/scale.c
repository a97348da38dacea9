int scale_mul(int x) { return x * SCALE_FACTOR; }

int scale_pointer_bits(void) { return (int) (sizeof(void *) * 8); }

/* cmake compiles with the absolute source path: this is where a build directory leaks into a binary */
const char *scale_file(void) { return __FILE__; }
