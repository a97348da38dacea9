const char *tray_file(void) { return __FILE__; }
