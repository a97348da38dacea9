package dev.crossbuild.jni;

/**
 * A {@code native} method of a compiled class.
 *
 * @param className  the class's binary name: {@code com.example.Outer$Inner}
 * @param name       the method's name
 * @param descriptor the method's descriptor: {@code (Ljava/lang/String;I)V}
 */
public record NativeMethod(String className, String name, String descriptor) {

    /** {@code Java_com_example_Outer_00024Inner_greet}. */
    public String shortSymbol() {
        return JniSymbols.shortName(className, name);
    }

    /** {@code Java_com_example_Outer_00024Inner_greet__Ljava_lang_String_2I}. */
    public String longSymbol() {
        return JniSymbols.longName(className, name, descriptor);
    }

    /** The method as Java spells it: {@code com.example.Outer$Inner.greet(String, int)}. */
    public String javaSignature() {
        return JniSymbols.javaSignature(className, name, descriptor);
    }
}
