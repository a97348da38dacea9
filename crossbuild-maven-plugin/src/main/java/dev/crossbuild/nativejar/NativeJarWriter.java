package dev.crossbuild.nativejar;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.Fingerprint;
import dev.crossbuild.core.Json;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.Stamp;
import dev.crossbuild.nativeloader.NativeIndex;
import dev.crossbuild.packaging.ArchiveEntry;
import dev.crossbuild.packaging.Checksums;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the planned native JARs, each with its index and {@code .sha256}, and with {@code all} the JAR of every
 * platform; a JAR whose inputs are those of its stamp is kept as it is, and one whose bytes would stay the same is
 * not rewritten.
 */
final class NativeJarWriter {

    private final NativeJarOptions options;
    private final BuildLog log;

    NativeJarWriter(NativeJarOptions options, BuildLog log) {
        this.options = options;
        this.log = log;
    }

    /** Writes each planned JAR, and with {@code all} the JAR of every platform; JARs whose bytes stay are kept. */
    List<NativeJars.Written> write(List<NativeJars.PlatformJar> plans) throws CrossbuildException {
        List<NativeJars.Written> written = new ArrayList<>();
        List<Contents> every = new ArrayList<>();
        for (NativeJars.PlatformJar plan : plans) {
            Path stamp = options.packaging().layout().nativeJarStamp(plan.target().id());
            Contents contents = contents(plan, stamp);
            every.add(contents);
            written.add(write(plan.platform(), contents.inputs(), contents.entries(), stamp, "[" + plan.target().id()
                    + "] "));
        }
        if (options.all() && !plans.isEmpty()) {
            written.add(writeAll(every));
        }
        return written;
    }

    /** The JAR of every platform alone, classifier {@code all}: what a fan-in makes from the jobs' JARs. */
    NativeJars.Written writeAll(List<NativeJars.PlatformJar> plans) throws CrossbuildException {
        List<Contents> every = new ArrayList<>();
        for (NativeJars.PlatformJar plan : plans) {
            every.add(contents(plan, options.packaging().layout().nativeJarStamp(plan.target().id())));
        }
        return writeAll(every);
    }

    private NativeJars.Written writeAll(Iterable<Contents> every) throws MachineException {
        Fingerprint inputs = new Fingerprint().add("native-jar-all-v1");
        List<JarWriter.Entry> entries = new ArrayList<>();
        for (Contents contents : every) {
            inputs.add(contents.inputs());
            entries.addAll(contents.entries());
        }
        return write(NativeJarOptions.ALL, inputs.hex(), entries,
                options.packaging().layout().nativeJarAllStamp(), "");
    }

    /** A platform's entries and the fingerprint of everything their bytes follow from. */
    private record Contents(String inputs, List<JarWriter.Entry> entries) {
    }

    private Contents contents(NativeJars.PlatformJar plan, Path stampFile) throws MachineException {
        String folder = NativeIndex.ROOT + options.name() + "/" + plan.platform() + "/";
        try {
            Fingerprint fingerprint = new Fingerprint().add("native-jar-v1").add(options.packaging().timestamp()
                    .toString()).add(folder).add(plan.target().triple().value()).add(plan.libc()).add(plan.glibc())
                    .add(plan.main()).add(String.valueOf(options.artifact())).add(String.valueOf(options.version()));
            for (ArchiveEntry library : plan.libraries()) {
                fingerprint.add(library.name()).add(Stamp.describe(library.source()));
            }
            String inputs = fingerprint.hex();
            // the sha256 of each library, from the stamp while its inputs are the same, else read
            Map<String, String> known = Stamp.read(stampFile).filter(k -> inputs.equals(k.inputs())).map(Stamp::files)
                    .orElse(Map.of());
            List<NativeIndex.Library> libraries = new ArrayList<>();
            List<JarWriter.Entry> entries = new ArrayList<>();
            for (ArchiveEntry library : plan.libraries()) {
                String sha256 = known.get(folder + library.name());
                libraries.add(new NativeIndex.Library(library.name(), sha256 != null ? sha256
                        : Checksums.sha256(library.source())));
                entries.add(JarWriter.Entry.file(folder + library.name(), library.source()));
            }
            NativeIndex index = new NativeIndex(options.name(), plan.platform(), plan.target().triple().value(),
                    plan.libc(), plan.glibc(), libraries, plan.main(), options.artifact(), options.version());
            entries.add(JarWriter.Entry.text(folder + NativeIndex.FILE_NAME, index.bytes()));
            return new Contents(inputs, entries);
        } catch (IOException e) {
            throw new MachineException("could not read the libraries of target `" + plan.target().id() + "`: "
                    + e.getMessage(), e);
        }
    }

    private NativeJars.Written write(String classifier, String inputs, List<JarWriter.Entry> entries, Path stampFile,
            String prefix) throws MachineException {
        Path jar = options.jar(classifier);
        try {
            Optional<Stamp> current = Stamp.current(stampFile, jar, inputs);
            if (current.isPresent()) {
                log.info(prefix + jar.getFileName() + " is up to date, not written again");
                return new NativeJars.Written(classifier, jar, sidecar(jar, current.get().sha256()), false);
            }
            Stamp.forget(stampFile);
            boolean changed = JarWriter.write(jar, entries, options.packaging().timestamp());
            Map<String, String> files = new LinkedHashMap<>();
            for (JarWriter.Entry entry : entries) {
                if (entry.source() != null) {
                    files.put(entry.name(), Checksums.sha256(entry.source()));
                }
            }
            Files.createDirectories(stampFile.getParent());
            String sha256 = Checksums.sha256(jar);
            new Stamp(inputs, Stamp.describe(jar), sha256, files).write(stampFile);
            log.info(prefix + (changed ? "wrote " + jar : jar.getFileName() + " has the same bytes, kept"));
            return new NativeJars.Written(classifier, jar, sidecar(jar, sha256), changed);
        } catch (IOException e) {
            throw new MachineException("could not write " + jar + ": " + e.getMessage(), e);
        }
    }

    /** {@code <jar>.sha256}, written only when it would say something else. */
    static Path sidecar(Path jar, String sha256) throws IOException {
        Path sidecar = jar.resolveSibling(jar.getFileName() + ".sha256");
        String line = Checksums.line(sha256, jar);
        if (!Files.isRegularFile(sidecar) || !Files.readString(sidecar).equals(line)) {
            Checksums.writeSidecar(jar, sha256);
        }
        return sidecar;
    }
}
