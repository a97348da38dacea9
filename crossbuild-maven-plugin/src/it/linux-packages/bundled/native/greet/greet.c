int greet_value(void) { return 42; }
