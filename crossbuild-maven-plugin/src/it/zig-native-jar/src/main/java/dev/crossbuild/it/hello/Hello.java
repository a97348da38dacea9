package dev.crossbuild.it.hello;

import dev.crossbuild.nativeloader.NativeLibraries;

/** Native methods implemented by the Rust cdylib `hello`, loaded from the native JAR of this platform. */
public final class Hello {

    static {
        System.load(NativeLibraries.extract(Hello.class, "hello").toString());
    }

    private Hello() {
    }

    public static native int add(int a, int b);

    /** 1 + 2 + … + n, computed in a thread the library starts. */
    public static native long sumInThread(long n);

    /** The ELF machine number the library was built for: 62 x86_64, 183 aarch64. */
    public static native int machine();

    public static void main(String[] args) {
        System.out.println("add=" + add(40, 2) + " sumInThread=" + sumInThread(100) + " machine=" + machine()
                + " os.arch=" + System.getProperty("os.arch"));
    }
}
