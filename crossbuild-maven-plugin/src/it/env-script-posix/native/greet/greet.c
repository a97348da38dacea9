const char *greet_flavour(void) { return FLAVOUR; }

int greet_is_aarch64(void) {
#if defined(__aarch64__)
    return 1;
#else
    return 0;
#endif
}
