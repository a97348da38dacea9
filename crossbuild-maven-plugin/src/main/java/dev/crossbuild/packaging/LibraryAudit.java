package dev.crossbuild.packaging;

import dev.crossbuild.binary.BinaryNeeds;
import dev.crossbuild.binary.BinaryNeedsReader;
import dev.crossbuild.binary.MalformedBinaryException;
import dev.crossbuild.binary.ObjectFormat;
import dev.crossbuild.binary.SystemLibraries;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.model.TargetSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proves that every packaged program will start on a clean machine of its platform: each library a binary
 * needs is a system library, packaged where the loader looks (beside a Windows exe; through an {@code $ORIGIN}
 * runpath on Linux; {@code @rpath}/{@code @loader_path} on macOS), or named in {@code <allowedLibraries>}.
 * Packaged and bundled libraries are checked the same way, so the whole closure is. With bundling on, a missing
 * library is copied in from the target's toolchain. Also checks the glibc and macOS floors and that
 * {@code +crt-static} took effect for MSVC targets.
 */
public final class LibraryAudit {

    /**
     * What the audit found for one packaged binary, for the report and the record of what the target ships.
     *
     * @param needs what the binary's own headers say it needs, as the audit read them
     */
    public record Finding(List<String> libraries, List<String> bundled, String glibc, String minimumOs,
            BinaryNeeds needs) {
    }

    private final TargetSpec target;
    private final boolean bundle;
    private final LibraryLocator locator;
    private final boolean preloadedSiblings;

    LibraryAudit(TargetSpec target, boolean bundle, LibraryLocator locator) {
        this(target, bundle, locator, false);
    }

    /**
     * @param preloadedSiblings the libraries are loaded by a loader that loads every library of the folder first,
     *                          dependencies first (a native JAR's): a library in the same folder is found, on every
     *                          platform, and bundled libraries go there
     */
    LibraryAudit(TargetSpec target, boolean bundle, LibraryLocator locator, boolean preloadedSiblings) {
        this.target = target;
        this.bundle = bundle;
        this.locator = locator;
        this.preloadedSiblings = preloadedSiblings;
    }

    /**
     * Audits the libraries of one folder that a loader loads in order, dependencies first (a native JAR's), with
     * nothing bundled: what each library needs must be a system library, in the folder, or allowed.
     *
     * @param libraries file name to file
     * @return per file name, what each library needs
     */
    public static Map<String, Finding> auditFolder(TargetSpec target, Map<String, Path> libraries,
            List<String> problems) throws CrossbuildException {
        Map<String, ArchiveEntry> entries = new LinkedHashMap<>();
        libraries.forEach((name, file) -> entries.put(name, new ArchiveEntry(name, file, true, "prebuilt")));
        return new LibraryAudit(target, false, LibraryLocator.NONE, true).audit(entries, problems);
    }

    /**
     * Audits (and with bundling, completes) the entries.
     *
     * @param entries archive name to entry; bundled libraries are added
     * @return per archive name, what each binary needs
     */
    Map<String, Finding> audit(Map<String, ArchiveEntry> entries, List<String> problems) throws CrossbuildException {
        String who = "target `" + target.id() + "` (" + target.triple() + ")";
        Map<String, Finding> findings = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(entries.keySet());
        while (!queue.isEmpty()) {
            String name = queue.removeFirst();
            ArchiveEntry entry = entries.get(name);
            if (entry == null || !entry.executable()) {
                continue;
            }
            Optional<BinaryNeeds> read = needs(entry.source());
            if (read.isEmpty()) {
                continue;
            }
            BinaryNeeds needs = read.get();
            List<String> bundled = new ArrayList<>();
            for (String library : needs.libraries()) {
                if (SystemLibraries.isSystem(target.triple(), library) || allowed(library)
                        || reachable(name, library, needs, entries).isPresent()) {
                    continue;
                }
                if (needs.format() == ObjectFormat.WASM) {
                    problems.add(who + ": " + name + " imports from the module `" + library + "`, which a WASI runtime"
                            + " does not provide (it gives only `" + SystemLibraries.WASI_PREVIEW1 + "`); find what"
                            + " declares it (an `extern` block or a C library built for another platform), or add"
                            + " <allowedLibraries><library>" + library + "</library></allowedLibraries> when the"
                            + " runtime that loads it defines that module");
                    continue;
                }
                Optional<String> place = bundle ? placeFor(name, library, needs) : Optional.empty();
                Optional<Path> found = bundle && place.isPresent() ? locator.find(target, fileName(library))
                        : Optional.empty();
                if (found.isPresent()) {
                    entries.put(place.get(), new ArchiveEntry(place.get(), found.get(), true, "bundled"));
                    bundled.add(place.get());
                    queue.addLast(place.get());
                    continue;
                }
                problems.add(who + ": " + name + " needs " + library + ", which " + (bundle && place.isEmpty()
                        ? "cannot be bundled: " + noOrigin(name) : bundle ? "was not found in the target's toolchain"
                        + " or native builds to bundle" : "is not in the archive where the loader looks, nor a system"
                        + " library of " + target.triple()) + "; " + fix(library));
            }
            checkFloors(who, name, needs, problems);
            findings.put(name, new Finding(needs.libraries(), bundled, needs.newestGlibc(), needs.minimumOs(), needs));
        }
        return findings;
    }

    private void checkFloors(String who, String name, BinaryNeeds needs, List<String> problems) {
        String glibc = needs.newestGlibc();
        if (target.glibc() != null && glibc != null && BinaryNeeds.compareVersions(glibc, target.glibc()) > 0) {
            String symbol = needs.versions().values().stream().flatMap(List::stream)
                    .filter(v -> v.equals("GLIBC_" + glibc)).findFirst().orElse("GLIBC_" + glibc);
            problems.add(who + ": " + name + " needs " + symbol + ", newer than <glibc>" + target.glibc()
                    + "</glibc>; build on (or link against the sysroot of) a distribution with glibc " + target.glibc()
                    + ", e.g. with cargo-zigbuild's `<triple>.2.17` or an older build image");
        }
        String os = needs.minimumOs();
        if (target.macosMin() != null && os != null && BinaryNeeds.compareVersions(os, target.macosMin()) > 0) {
            problems.add(who + ": " + name + " needs macOS " + os + ", newer than <macosMin>" + target.macosMin()
                    + "</macosMin>; set MACOSX_DEPLOYMENT_TARGET=" + target.macosMin() + " in the target's <env>");
        }
        if (target.triple().isMsvc() && target.rustflags() != null && target.rustflags().contains("+crt-static")) {
            needs.libraries().stream().filter(SystemLibraries::isDynamicCrt).findFirst().ifPresent(crt ->
                    problems.add(who + ": " + name + " imports " + crt + " although <rustflags> has"
                            + " -C target-feature=+crt-static: the static C runtime did not take effect (RUSTFLAGS in"
                            + " the environment overrides <rustflags>, or a C library was built with /MD)"));
        }
    }

    private boolean allowed(String library) {
        String name = fileName(library);
        return target.allowedLibraries().stream().anyMatch(a -> a.equalsIgnoreCase(library) || a.equalsIgnoreCase(name));
    }

    /** Where the loader finds the library inside the archive, if it is packaged there. */
    private Optional<String> reachable(String binary, String library, BinaryNeeds needs,
            Map<String, ArchiveEntry> entries) {
        if (preloadedSiblings && needs.format() == ObjectFormat.ELF) {
            // loaded first by path, a library answers to its soname: libfoo.so.1 is the file libfoo.so.1.2.3
            String sibling = join(parent(binary), fileName(library));
            Optional<String> versioned = entries.keySet().stream().filter(n -> n.startsWith(sibling + ".")
                    && n.substring(sibling.length()).matches("(\\.\\d+)+")).sorted().findFirst();
            if (versioned.isPresent()) {
                return versioned;
            }
        }
        for (String candidate : candidates(binary, library, needs)) {
            if (target.triple().isWindows()) {
                if (entries.keySet().stream().anyMatch(n -> n.equalsIgnoreCase(candidate))) {
                    return Optional.of(candidate);
                }
            } else if (entries.containsKey(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The archive paths the loader tries for a library of a binary. */
    private List<String> candidates(String binary, String library, BinaryNeeds needs) {
        String dir = parent(binary);
        List<String> paths = new ArrayList<>();
        if (preloadedSiblings) {
            paths.add(join(dir, fileName(library)));
        }
        if (needs.format() == ObjectFormat.PE_COFF && !preloadedSiblings) {
            paths.add(join(dir, library));
        } else if (needs.format() == ObjectFormat.ELF) {
            for (String path : needs.searchPaths()) {
                origin(path, dir).ifPresent(d -> paths.add(join(d, library)));
            }
        } else {
            String rest = library;
            if (rest.startsWith("@loader_path/") || rest.startsWith("@executable_path/")) {
                normalize(join(dir, rest.substring(rest.indexOf('/') + 1))).ifPresent(paths::add);
            } else if (rest.startsWith("@rpath/")) {
                for (String rpath : needs.searchPaths()) {
                    String base = rpath.replace("@loader_path", "$ORIGIN").replace("@executable_path", "$ORIGIN");
                    origin(base, dir).ifPresent(d -> paths.add(join(d, rest.substring("@rpath/".length()))));
                }
            }
        }
        return paths;
    }

    /** Where a bundled library goes: beside a Windows binary, the first {@code $ORIGIN} runpath elsewhere. */
    private Optional<String> placeFor(String binary, String library, BinaryNeeds needs) {
        List<String> candidates = candidates(binary, library, needs);
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }

    private String noOrigin(String binary) {
        return target.triple().isApple() ? binary + " has no @rpath or @loader_path reference to it inside the"
                + " archive's folder" : binary + " has no $ORIGIN runpath the loader would look in inside the archive's"
                + " folder (one through .. above it leads out of the unpacked archive); link it with -C link-arg="
                + "-Wl,-rpath,$ORIGIN/lib in <rustflags>, or keep $ORIGIN/../lib and put the programs in a folder"
                + " of their own (-Dcrossbuild.programFolder=bin)";
    }

    private String fix(String library) {
        String name = fileName(library);
        return "bundle it with -Dcrossbuild.bundleLibraries=true, link it statically (e.g. -static-libstdc++"
                + " -static-libgcc, or +crt-static), or add <allowedLibraries><library>" + name
                + "</library></allowedLibraries> to the target when its machines provide it";
    }

    /**
     * {@code $ORIGIN/lib} as a folder in the archive relative to the binary's folder; empty for absolute paths and
     * for a folder outside the archive's top folder ({@code $ORIGIN/../lib} of a program at the top).
     */
    private static Optional<String> origin(String path, String dir) {
        String p = path.replace("${ORIGIN}", "$ORIGIN");
        if (!p.startsWith("$ORIGIN")) {
            return Optional.empty();
        }
        String rest = p.substring("$ORIGIN".length());
        return normalize(join(dir, rest.startsWith("/") ? rest.substring(1) : rest));
    }

    private static String parent(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : name.isEmpty() ? dir : dir + "/" + name;
    }

    /**
     * The path with {@code .} and {@code ..} resolved, or empty when a {@code ..} climbs above the archive's top
     * folder: unpacked, the loader would look beside the archive's folder, where nothing of it is.
     */
    static Optional<String> normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return Optional.of(String.join("/", parts));
    }

    static String fileName(String library) {
        int slash = Math.max(library.lastIndexOf('/'), library.lastIndexOf('\\'));
        return slash < 0 ? library : library.substring(slash + 1);
    }

    private static Optional<BinaryNeeds> needs(Path file) throws MachineException, MalformedBinaryException {
        try {
            return BinaryNeedsReader.read(file);
        } catch (IOException e) {
            throw new MachineException("could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
