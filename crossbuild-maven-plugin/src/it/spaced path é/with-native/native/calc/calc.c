const char *calc_file(void) { return __FILE__; }
