int calc(void) { return 2; }
