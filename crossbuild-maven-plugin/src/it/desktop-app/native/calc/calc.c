int calc_add(int a, int b) { return a + b; }

const char *calc_system(void) {
#if defined(_WIN32)
    return "windows";
#elif defined(__linux__)
    return "linux";
#else
    return "other";
#endif
}
