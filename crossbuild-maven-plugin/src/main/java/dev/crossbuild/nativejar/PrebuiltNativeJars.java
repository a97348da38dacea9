package dev.crossbuild.nativejar;

import dev.crossbuild.binary.ArchitectureCheck;
import dev.crossbuild.binary.BinaryHeader;
import dev.crossbuild.binary.BinaryHeaders;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.FileTrees;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativeloader.NativeIndex;
import dev.crossbuild.packaging.ArchiveEntry;
import dev.crossbuild.packaging.ArchiveFormat;
import dev.crossbuild.packaging.PrebuiltFinder;
import dev.crossbuild.packaging.ArchiveReader;
import dev.crossbuild.packaging.ArchiveRefusedException;
import dev.crossbuild.packaging.Checksums;
import dev.crossbuild.packaging.LibraryAudit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fan-in of native JARs: takes every selected target's JAR, built by its own job, from one folder (flat, or one
 * subfolder per job), and proves it as the archives are proven: its {@code .sha256}, nothing in it but the one
 * platform folder of the name, an index that names the target's triple and lists exactly the libraries with their
 * sha256, the architecture of every library, and the audit (what each needs is a system library or in the folder).
 * The JAR is unpacked as untrusted bytes ({@link ArchiveReader}). All or nothing: every problem of every JAR is
 * listed and nothing is attached. Then the JARs are copied to {@code target/} as the jobs built them.
 */
public final class PrebuiltNativeJars {

    /** A verified JAR: where it came from, where it now is, and its libraries unpacked, as a plan. */
    public record Verified(NativeJars.PlatformJar plan, Path jar, Path checksum) {
    }

    private final NativeJarOptions options;
    private final BuildLog log;

    public PrebuiltNativeJars(NativeJarOptions options, BuildLog log) {
        this.options = options;
        this.log = log;
    }

    /** @param strict the folder must hold exactly the selected set ({@link PrebuiltFinder}) */
    public List<Verified> gather(List<TargetSpec> targets, Path directory, boolean strict)
            throws CrossbuildException {
        PrebuiltFinder finder = new PrebuiltFinder(directory, strict, log);
        Map<String, String> keys = NativeJars.platforms(targets, options.name());
        List<String> problems = new ArrayList<>();
        Map<TargetSpec, String> names = new LinkedHashMap<>();
        for (TargetSpec target : targets) {
            names.put(target, options.jar(keys.get(target.id())).getFileName().toString());
        }
        String prefix = options.jar("").getFileName().toString().replaceAll("\\.jar$", "");
        List<Map.Entry<TargetSpec, Path>> chosen = new ArrayList<>(finder.find(new PrebuiltFinder.Kind("native JAR",
                name -> isPlatformJar(name, prefix), true), names, problems).entrySet());
        List<NativeJars.PlatformJar> plans = new ArrayList<>();
        for (Map.Entry<TargetSpec, Path> entry : chosen) {
            check(entry.getKey(), keys.get(entry.getKey().id()), entry.getValue(), problems).ifPresent(plans::add);
        }
        if (!problems.isEmpty()) {
            throw new ProjectException("the prebuilt native JARs in " + directory + " are not a complete, verified"
                    + " set; nothing is attached or published:\n  - " + String.join("\n  - ", problems));
        }
        return publish(chosen, plans);
    }

    private Optional<NativeJars.PlatformJar> check(TargetSpec target, String platform, Path jar, List<String> problems)
            throws CrossbuildException {
        String who = "target `" + target.id() + "`: " + jar;
        int before = problems.size();
        try {
            Optional<String> altered = PrebuiltFinder.checksumProblem(jar, who);
            if (altered.isPresent()) {
                problems.add(altered.get());
                return Optional.empty();
            }
            Path unpacked = options.packaging().layout().prebuiltNativeJar(target.id());
            FileTrees.delete(unpacked);
            List<String> names;
            try {
                names = ArchiveReader.extract(jar, ArchiveFormat.ZIP, unpacked);
            } catch (ArchiveRefusedException e) {
                FileTrees.delete(unpacked);
                problems.add("target `" + target.id() + "`: " + e.getMessage());
                return Optional.empty();
            }
            String folder = NativeIndex.ROOT + options.name() + "/" + platform + "/";
            // folders, with or without the slash a zip entry of a folder ends with
            Set<String> allowed = Set.of("META-INF", JarWriter.MANIFEST, "META-INF/native", NativeIndex.ROOT
                    + options.name(), folder.substring(0, folder.length() - 1));
            Set<String> files = new TreeSet<>();
            for (String name : names) {
                if (allowed.contains(name.endsWith("/") ? name.substring(0, name.length() - 1) : name)) {
                    continue;
                }
                String rest = name.startsWith(folder) ? name.substring(folder.length()) : null;
                if (rest == null || rest.isEmpty() || rest.contains("/")) {
                    problems.add(who + ": entry `" + name + "` is not part of a native JAR of " + options.name() + " for "
                            + platform + " (its libraries are in " + folder + ")");
                } else if (!rest.equals(NativeIndex.FILE_NAME)) {
                    files.add(rest);
                }
            }
            Path dir = unpacked.resolve(folder);
            Path indexFile = dir.resolve(NativeIndex.FILE_NAME);
            if (!Files.isRegularFile(indexFile)) {
                problems.add(who + " has no " + folder + NativeIndex.FILE_NAME + "; it is no native JAR of "
                        + options.name() + " for " + platform);
                return Optional.empty();
            }
            NativeIndex index;
            try (InputStream in = Files.newInputStream(indexFile)) {
                index = NativeIndex.read(in, jar.getFileName() + "!/" + folder + NativeIndex.FILE_NAME);
            } catch (IOException unreadable) {
                problems.add(who + ": " + unreadable.getMessage());
                return Optional.empty();
            }
            if (!index.triple().equals(target.triple().value()) || !index.platform().equals(platform)
                    || !index.name().equals(options.name())) {
                problems.add(who + ": its index is for " + index.name() + " " + index.platform() + " ("
                        + index.triple() + "), but the target is " + options.name() + " " + platform + " ("
                        + target.triple() + ")");
            }
            Map<String, Path> libraries = new LinkedHashMap<>();
            List<ArchiveEntry> ordered = new ArrayList<>();
            Map<String, BinaryHeader> headers = new LinkedHashMap<>();
            Optional<ArchitectureCheck.Expectation> expected = ArchitectureCheck.expected(target.triple());
            for (NativeIndex.Library library : index.libraries()) {
                Path file = dir.resolve(library.file());
                if (!files.remove(library.file()) || !Files.isRegularFile(file)) {
                    problems.add(who + ": its index lists " + library.file() + ", which is not in " + folder);
                    continue;
                }
                String sha256 = Checksums.sha256(file);
                if (!sha256.equals(library.sha256())) {
                    problems.add(who + ": " + folder + library.file() + " is " + sha256 + ", its index says "
                            + library.sha256());
                }
                Optional<BinaryHeader> header = BinaryHeaders.read(file);
                if (header.isEmpty()) {
                    problems.add(who + ": " + folder + library.file() + " is not an ELF, PE or Mach-O binary, so its"
                            + " architecture cannot be proven");
                } else {
                    headers.put(library.file(), header.get());
                    if (expected.isPresent()) {
                        ArchitectureCheck.mismatch(header.get(), expected.get()).ifPresent(p -> problems.add(who + ": "
                                + folder + library.file() + " " + p));
                    }
                }
                libraries.put(library.file(), file);
                ordered.add(new ArchiveEntry(library.file(), file, true, "prebuilt"));
            }
            for (String extra : files) {
                problems.add(who + ": " + folder + extra + " is not in its index");
            }
            // what a local build's packaging checks, the gathered JAR passes too
            List<String> audit = new ArrayList<>();
            LibraryAudit.auditFolder(target, libraries, audit);
            audit.forEach(p -> problems.add(who + ": " + p));
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new NativeJars.PlatformJar(target, platform, ordered, index.main(), index.libc(),
                    index.glibc(), headers));
        } catch (IOException e) {
            throw new MachineException("could not check " + who + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private List<Verified> publish(List<Map.Entry<TargetSpec, Path>> chosen, List<NativeJars.PlatformJar> plans)
            throws MachineException {
        List<Verified> verified = new ArrayList<>();
        Path buildDirectory = options.packaging().buildDirectory();
        try {
            Files.createDirectories(buildDirectory);
            for (int i = 0; i < chosen.size(); i++) {
                Path source = chosen.get(i).getValue();
                Path jar = buildDirectory.resolve(source.getFileName());
                if (!Files.exists(jar) || !Files.isSameFile(jar, source)) {
                    Files.copy(source, jar, StandardCopyOption.REPLACE_EXISTING);
                }
                Path checksum = NativeJars.sidecar(jar, Checksums.sha256(jar));
                verified.add(new Verified(plans.get(i), jar, checksum));
                log.info("[" + chosen.get(i).getKey().id() + "] verified prebuilt " + source + " (checksum, index,"
                        + " architecture of every library, what each needs)");
            }
            return verified;
        } catch (IOException e) {
            throw new MachineException("could not copy the prebuilt native JARs to " + buildDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    /** A native JAR of one platform: {@code <finalName>-<platform>.jar}, not the JAR of every platform nor a build's own. */
    private static boolean isPlatformJar(String name, String prefix) {
        if (!name.startsWith(prefix) || !name.endsWith(".jar")) {
            return false;
        }
        String classifier = name.substring(prefix.length(), name.length() - ".jar".length());
        return !classifier.isEmpty() && !List.of(NativeJarOptions.ALL, "sources", "javadoc", "tests").contains(classifier);
    }
}
