const char *scale_file(void) { return __FILE__; }
