package dev.crossbuild.it.missing;

public final class Lib {

    private Lib() {
    }

    public static native int add(int a, int b);

    /** The library has no symbol for this one. */
    public static native int twice(int x);

    /** Overloaded: the library exports only the short name, to which the JVM would bind both. */
    public static native int f(int x);

    public static native int f(String s);
}
