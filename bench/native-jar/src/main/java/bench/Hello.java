package bench;

public final class Hello {

    private Hello() {
    }

    public static native int add(int a, int b);
}
