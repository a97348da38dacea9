#include <stdio.h>
#include <string.h>

int calc_add(int a, int b);

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "adds") == 0) {
        return calc_add(2, 3) == 5 ? 0 : 1;
    }
    /* runs only where it can run: an aarch64 build needs the target's runner */
#if defined(__aarch64__)
    printf("arch=aarch64\n");
#elif defined(__x86_64__)
    printf("arch=x86_64\n");
#endif
    return 0;
}
