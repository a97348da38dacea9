package dev.crossbuild.nativeloader;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * No native JAR for the running platform is on the anchor's class path. Thrown by
 * {@link NativeLibraries#extract}; an {@link UnsatisfiedLinkError}, like the error {@code System.loadLibrary}
 * gives, so that code catching that one catches this one too. The message names the platform key, the
 * resources tried, the platforms whose JARs are present and the {@code <dependency>} to add.
 */
public class NativeLibraryNotFoundError extends UnsatisfiedLinkError {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String platform;
    private final List<String> tried;
    private final List<String> present;

    NativeLibraryNotFoundError(String message, String name, String platform, List<String> tried,
            List<String> present) {
        super(message);
        this.name = name;
        this.platform = platform;
        this.tried = Collections.unmodifiableList(new ArrayList<String>(tried));
        this.present = Collections.unmodifiableList(new ArrayList<String>(present));
    }

    /** The library's name, as passed to {@link NativeLibraries#extract}. */
    public String libraryName() {
        return name;
    }

    /** The platform key looked for ({@code linux-x86_64}, …). */
    public String platform() {
        return platform;
    }

    /** The resource paths looked up through the anchor's class loader. */
    public List<String> tried() {
        return tried;
    }

    /** The platform keys of the library's native JARs that are on the class path, sorted. */
    public List<String> present() {
        return present;
    }
}
