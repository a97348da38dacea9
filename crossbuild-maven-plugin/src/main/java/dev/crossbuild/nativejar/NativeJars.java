package dev.crossbuild.nativejar;

import dev.crossbuild.binary.BinaryHeader;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativeloader.NativeIndex;
import dev.crossbuild.packaging.ArchiveEntry;
import dev.crossbuild.packaging.LibraryLocator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Makes one JAR per target holding its shared libraries at {@code META-INF/native/<name>/<platform>/<file>}
 * with the {@link NativeIndex} beside them: the crate's cdylibs, the native builds' libraries the pom lists, and
 * what the closure audit bundles for them, each proven to be for the target's machine. First every target is
 * planned (gathered, audited, ordered), so that one run reports every problem of every target; then each JAR is
 * written, unless it is up to date.
 */
public final class NativeJars {

    /**
     * One target's JAR, planned.
     *
     * @param platform  the platform key: the folder in the JAR and the classifier
     * @param libraries in load order, dependencies first
     * @param main      the file name of the library the program loads
     * @param libc      {@code gnu}, {@code musl} or {@code none}
     * @param glibc     the newest glibc the libraries need, or null
     * @param headers   the binary header of each library, by file name
     */
    public record PlatformJar(TargetSpec target, String platform, List<ArchiveEntry> libraries, String main,
            String libc, String glibc, Map<String, BinaryHeader> headers) {

        /** The libraries' files on disk, in load order. */
        public List<Path> files() {
            return libraries.stream().map(ArchiveEntry::source).toList();
        }
    }

    /** A JAR made or kept, and its {@code .sha256} beside it. */
    public record Written(String classifier, Path jar, Path checksum, boolean changed) {
    }

    private final NativeJarPlanner planner;
    private final JniGate jniGate;
    private final NativeJarWriter writer;

    public NativeJars(NativeJarOptions options, BuildLog log, LibraryLocator locator) {
        this.planner = new NativeJarPlanner(options, log, locator);
        this.jniGate = new JniGate(options, log);
        this.writer = new NativeJarWriter(options, log);
    }

    /** Checks the name and platform keys of the selected targets: a configuration error names every clash. */
    public static Map<String, String> platforms(List<TargetSpec> targets, String name) throws ProjectException {
        return NativeJarPlanner.platforms(targets, name);
    }

    /**
     * Gathers, audits and orders every target's libraries.
     *
     * @throws ProjectException listing every problem of every target
     */
    public List<PlatformJar> plan(List<TargetSpec> targets) throws CrossbuildException {
        return planner.plan(targets);
    }

    /**
     * The JNI link check: every {@code native} method of the compiled classes must have its {@code Java_…} symbol
     * in each planned target's libraries. Nothing to check when the classes have no native method.
     *
     * @param classes the compiled classes ({@code project.build.outputDirectory})
     * @throws ProjectException listing every method without a symbol, per target
     */
    public void checkJni(List<PlatformJar> plans, Path classes) throws CrossbuildException {
        jniGate.check(plans, classes);
    }

    /** Writes each planned JAR, and with {@code all} the JAR of every platform; JARs whose bytes stay are kept. */
    public List<Written> write(List<PlatformJar> plans) throws CrossbuildException {
        return writer.write(plans);
    }

    /** The JAR of every platform alone, classifier {@code all}: what a fan-in makes from the jobs' JARs. */
    public Written writeAll(List<PlatformJar> plans) throws CrossbuildException {
        return writer.writeAll(plans);
    }

    /** {@code <jar>.sha256}, written only when it would say something else. */
    static Path sidecar(Path jar, String sha256) throws java.io.IOException {
        return NativeJarWriter.sidecar(jar, sha256);
    }
}
