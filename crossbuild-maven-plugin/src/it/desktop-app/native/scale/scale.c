int scale_mul(int x) { return x * SCALE_FACTOR; }

int scale_pointer_bits(void) { return (int) (sizeof(void *) * 8); }
