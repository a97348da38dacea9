package dev.crossbuild.it.missing;

public final class Lib {

    private Lib() {
    }

    public static native int add(int a, int b);

    /** The library has no symbol for this one. */
    public static native int twice(int x);
}
