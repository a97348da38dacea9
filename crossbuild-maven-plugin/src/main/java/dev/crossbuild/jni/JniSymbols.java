package dev.crossbuild.jni;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The names the JVM looks a {@code native} method up by (JNI specification, "Resolving Native Method Names"):
 * the short name {@code Java_<class>_<method>} and, for overloaded methods, the long name
 * {@code Java_<class>_<method>__<argument types>}. Each part is mangled: {@code /} becomes {@code _}, {@code _}
 * becomes {@code _1}, {@code ;} {@code _2}, {@code [} {@code _3}, and any other character but an ASCII letter or
 * digit {@code _0xxxx} with its UTF-16 code unit in lowercase hex ({@code $} of inner classes is {@code _00024}).
 * On 32-bit Windows the JVM also tries the stdcall decoration {@code _Java_…@N}, where N is the bytes of the
 * arguments.
 */
public final class JniSymbols {

    private JniSymbols() {
    }

    /** {@code Java_com_example_Hello_greet} for class {@code com.example.Hello} (or {@code com/example/Hello}). */
    public static String shortName(String className, String method) {
        return "Java_" + mangle(className.replace('.', '/')) + "_" + mangle(method);
    }

    /** {@code Java_com_example_Hello_greet__Ljava_lang_String_2} for {@code greet(Ljava/lang/String;)V}. */
    public static String longName(String className, String method, String descriptor) {
        return shortName(className, method) + "__" + mangle(arguments(descriptor));
    }

    /** The stdcall decoration of 32-bit Windows: {@code _name@bytes}. */
    public static String stdcall(String name, String descriptor) {
        return "_" + name + "@" + stdcallBytes(descriptor);
    }

    /**
     * The bytes a 32-bit JNI function takes: the {@code JNIEnv*}, the class or object, and the arguments, four
     * bytes each and eight for {@code long} and {@code double}.
     */
    public static int stdcallBytes(String descriptor) {
        int slots = 2;
        for (String type : argumentTypes(descriptor)) {
            slots += type.equals("J") || type.equals("D") ? 2 : 1;
        }
        return 4 * slots;
    }

    /** JNI's escaping of one name: {@code /} to {@code _}, then {@code _1 _2 _3 _0xxxx}. */
    public static String mangle(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x80 && Character.isLetterOrDigit(c)) {
                out.append(c);
            } else if (c == '/') {
                out.append('_');
            } else if (c == '_') {
                out.append("_1");
            } else if (c == ';') {
                out.append("_2");
            } else if (c == '[') {
                out.append("_3");
            } else {
                out.append("_0").append(String.format(Locale.ROOT, "%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** The method as Java spells it, for messages: {@code com.example.Hello.greet(String, int[])}. */
    public static String javaSignature(String className, String method, String descriptor) {
        List<String> types = new ArrayList<>();
        for (String type : argumentTypes(descriptor)) {
            types.add(javaType(type));
        }
        return className.replace('/', '.') + "." + method + "(" + String.join(", ", types) + ")";
    }

    /** The part of a method descriptor between its parentheses. */
    static String arguments(String descriptor) {
        int close = descriptor.indexOf(')');
        if (!descriptor.startsWith("(") || close < 0) {
            throw new IllegalArgumentException("not a method descriptor: " + descriptor);
        }
        return descriptor.substring(1, close);
    }

    /** The argument types of a method descriptor, one field descriptor each. */
    static List<String> argumentTypes(String descriptor) {
        String arguments = arguments(descriptor);
        List<String> types = new ArrayList<>();
        int at = 0;
        while (at < arguments.length()) {
            int start = at;
            while (at < arguments.length() && arguments.charAt(at) == '[') {
                at++;
            }
            if (at < arguments.length() && arguments.charAt(at) == 'L') {
                int end = arguments.indexOf(';', at);
                if (end < 0) {
                    throw new IllegalArgumentException("not a method descriptor: " + descriptor);
                }
                at = end + 1;
            } else if (at < arguments.length()) {
                at++;
            } else {
                throw new IllegalArgumentException("not a method descriptor: " + descriptor);
            }
            types.add(arguments.substring(start, at));
        }
        return types;
    }

    private static String javaType(String type) {
        int dimensions = 0;
        while (type.charAt(dimensions) == '[') {
            dimensions++;
        }
        String element = type.substring(dimensions);
        String name = switch (element.charAt(0)) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'V' -> "void";
            default -> {
                String internal = element.substring(1, element.length() - 1);
                yield internal.substring(internal.lastIndexOf('/') + 1).replace('$', '.');
            }
        };
        return name + "[]".repeat(dimensions);
    }
}
