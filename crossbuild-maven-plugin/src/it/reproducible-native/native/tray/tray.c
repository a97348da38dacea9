#include "tray.h"

#ifndef TRAY_BONUS
#define TRAY_BONUS 0
#endif

int tray_value(int x) { return x * 3 + TRAY_BONUS; }

const char *tray_arch(void) {
#if defined(__aarch64__)
    return "aarch64";
#elif defined(__x86_64__)
    return "x86_64";
#else
    return "other";
#endif
}
