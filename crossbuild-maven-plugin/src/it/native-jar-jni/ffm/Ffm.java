import dev.crossbuild.nativeloader.NativeLibraries;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/** java.lang.foreign (JDK 22+): the loader's path, looked up and called with no JNI at all. Run as a source file. */
public class Ffm {
    public static void main(String[] args) throws Throwable {
        Path library = NativeLibraries.extract(Ffm.class, "hello");
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup lookup = SymbolLookup.libraryLookup(library, arena);
            MethodHandle square = Linker.nativeLinker().downcallHandle(lookup.find("hello_square").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            System.out.println("ffm hello_square(7)=" + (int) square.invokeExact(7) + " from " + library);
        }
    }
}
