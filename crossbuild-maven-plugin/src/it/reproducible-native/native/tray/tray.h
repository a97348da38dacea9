int tray_value(int x);
const char *tray_arch(void);
