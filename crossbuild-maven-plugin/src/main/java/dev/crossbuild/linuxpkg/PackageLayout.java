package dev.crossbuild.linuxpkg;

import dev.crossbuild.binary.BinaryNeeds;
import dev.crossbuild.packaging.ArchiveEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a target's programs and libraries go in its Linux packages, so that every program still finds the libraries
 * the closure audit proved it needs: programs in {@code /usr/bin}, the libraries they bring in
 * {@code /usr/lib/<name>/}, each reached through the binary's own {@code $ORIGIN} runpath (nothing is relinked).
 * <ul>
 *   <li>A program that loads no library of the package goes to {@code /usr/bin}.</li>
 *   <li>A program whose runpath leads from {@code /usr/bin} into {@code /usr/lib/<name>/} (such as
 *       {@code $ORIGIN/../lib/<name>}) goes to {@code /usr/bin}, its libraries where that runpath points.</li>
 *   <li>Otherwise (the archives' {@code $ORIGIN/lib}, or {@code $ORIGIN}) the program keeps its place in the archive
 *       under {@code /usr/lib/<name>/}, its libraries where its runpath points from there, and {@code /usr/bin} holds a
 *       relative link to it; the loader takes {@code $ORIGIN} from the program's real path.</li>
 *   <li>A runpath that leads out of {@code /usr/lib/<name>/} from both places (such as {@code $ORIGIN/../lib}) is
 *       refused, naming the binary, its runpath and the fix.</li>
 * </ul>
 * A library no binary of the package loads goes to {@code /usr/lib/<name>/}; one loaded from two folders is
 * installed in both.
 */
final class PackageLayout {

    /** A loadable ELF file of the target's contents, with what it needs. */
    record Binary(ArchiveEntry entry, BinaryNeeds needs, boolean program) {

        String fileName() {
            return PackageLayout.fileName(entry.name());
        }
    }

    /**
     * The result.
     *
     * @param files        programs, libraries and links, in the order they were placed
     * @param binaries     each placed binary with the path it has in the package
     * @param privateNames the file names of the libraries the package brings (not dependencies)
     */
    record Plan(List<PackagedFile> files, Map<String, Binary> binaries, Set<String> privateNames) {
    }

    static final String BIN = "/usr/bin";

    private PackageLayout() {
    }

    /**
     * @param name     the package name: libraries go under {@code /usr/lib/<name>/}
     * @param binaries the target's loadable binaries
     * @param problems where a binary that cannot be placed is reported
     * @param who      the target, for messages
     */
    static Plan plan(String name, List<Binary> binaries, List<String> problems, String who) {
        String libDir = "/usr/lib/" + name;
        Map<String, Binary> libraries = new LinkedHashMap<>();
        for (Binary binary : binaries) {
            if (!binary.program()) {
                libraries.putIfAbsent(binary.fileName(), binary);
            }
        }
        Map<String, PackagedFile> files = new LinkedHashMap<>();
        Map<String, Binary> placed = new LinkedHashMap<>();
        Deque<Map.Entry<String, Binary>> queue = new ArrayDeque<>();
        for (Binary program : binaries.stream().filter(Binary::program).toList()) {
            List<String> own = privateNeeds(program, libraries);
            String direct = BIN + "/" + program.fileName();
            if (own.isEmpty() || libraryDir(program.needs(), BIN, libDir).isPresent()) {
                place(files, placed, new PackagedFile(direct, program.entry().source(), 0755,
                        PackagedFile.Role.PROGRAM, null), program, problems, who);
                queue.add(Map.entry(direct, program));
                continue;
            }
            String mirrored = libDir + "/" + program.entry().name();
            if (libraryDir(program.needs(), parent(mirrored), libDir).isEmpty()) {
                problems.add(who + ": " + program.entry().name() + " loads " + String.join(", ", own)
                        + " from the package, but its runpath " + runpath(program.needs()) + " leads neither from "
                        + BIN + " nor from " + parent(mirrored) + " into " + libDir + "/, where the package keeps its"
                        + " libraries; link it with -C link-arg=-Wl,-rpath,$ORIGIN/lib in <rustflags> (the archives'"
                        + " layout, which the package keeps under " + libDir + "/) or $ORIGIN/../lib/" + name);
                continue;
            }
            place(files, placed, new PackagedFile(mirrored, program.entry().source(), 0755, PackagedFile.Role.PROGRAM,
                    null), program, problems, who);
            place(files, placed, new PackagedFile(direct, null, 0777, PackagedFile.Role.LINK,
                    relative(BIN, mirrored)), null, problems, who);
            queue.add(Map.entry(mirrored, program));
        }
        for (Binary library : libraries.values()) {
            // what no binary loads through a runpath (a cdylib for other programs) goes to the package's folder
            boolean loaded = binaries.stream().anyMatch(b -> privateNeeds(b, libraries).contains(library.fileName()));
            if (!loaded) {
                String path = libDir + "/" + library.fileName();
                place(files, placed, new PackagedFile(path, library.entry().source(), 0644,
                        PackagedFile.Role.LIBRARY, null), library, problems, who);
                queue.add(Map.entry(path, library));
            }
        }
        Set<String> done = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            Map.Entry<String, Binary> next = queue.removeFirst();
            String path = next.getKey();
            Binary binary = next.getValue();
            if (!done.add(path)) {
                continue;
            }
            for (String library : privateNeeds(binary, libraries)) {
                Optional<String> dir = libraryDir(binary.needs(), parent(path), libDir);
                if (dir.isEmpty()) {
                    problems.add(who + ": " + binary.entry().name() + " loads " + library + " from the package, but"
                            + " its runpath " + runpath(binary.needs()) + " leads from " + parent(path) + " out of "
                            + libDir + "/, where the package keeps its libraries; give it an $ORIGIN runpath into that"
                            + " folder");
                    continue;
                }
                Binary found = libraries.get(library);
                String target = dir.get() + "/" + library;
                if (!files.containsKey(target)) {
                    place(files, placed, new PackagedFile(target, found.entry().source(), 0644,
                            PackagedFile.Role.LIBRARY, null), found, problems, who);
                    queue.add(Map.entry(target, found));
                } else if (!found.entry().source().equals(files.get(target).source())) {
                    problems.add(who + ": two files would be installed as " + target + ": "
                            + files.get(target).source() + " and " + found.entry().source());
                }
            }
        }
        return new Plan(List.copyOf(files.values()), placed, libraries.keySet());
    }

    private static void place(Map<String, PackagedFile> files, Map<String, Binary> placed, PackagedFile file,
            Binary binary, List<String> problems, String who) {
        PackagedFile before = files.get(file.path());
        if (before != null) {
            problems.add(who + ": two files would be installed as " + file.path() + ": " + describe(before) + " and "
                    + describe(file) + "; rename one of the programs");
            return;
        }
        files.put(file.path(), file);
        if (binary != null) {
            placed.put(file.path(), binary);
        }
    }

    private static String describe(PackagedFile file) {
        return file.isLink() ? "a link to " + file.link() : String.valueOf(file.source());
    }

    /** The libraries of the package a binary loads (by file name, as its DT_NEEDED names them). */
    private static List<String> privateNeeds(Binary binary, Map<String, Binary> libraries) {
        return binary.needs().libraries().stream().map(PackageLayout::fileName)
                .filter(l -> libraries.containsKey(l) && !l.equals(binary.fileName())).distinct().toList();
    }

    /** The first folder an {@code $ORIGIN} runpath names, from the binary's folder, inside the package's folder. */
    static Optional<String> libraryDir(BinaryNeeds needs, String binaryDir, String libDir) {
        for (String path : needs.searchPaths()) {
            String p = path.replace("${ORIGIN}", "$ORIGIN");
            if (!p.startsWith("$ORIGIN")) {
                continue;
            }
            String dir = normalize(binaryDir + "/" + p.substring("$ORIGIN".length()));
            if (dir.equals(libDir) || dir.startsWith(libDir + "/")) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static String runpath(BinaryNeeds needs) {
        return needs.searchPaths().isEmpty() ? "(none)" : "`" + String.join(":", needs.searchPaths()) + "`";
    }

    /** An absolute path with {@code .} and {@code ..} resolved ({@code ..} of {@code /} is {@code /}). */
    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** The link text that leads from a folder to a file: {@code /usr/bin} → {@code ../lib/hello/hello}. */
    static String relative(String fromDir, String to) {
        List<String> from = List.of(fromDir.substring(1).split("/"));
        List<String> target = new ArrayList<>(List.of(to.substring(1).split("/")));
        int common = 0;
        while (common < from.size() && common < target.size() - 1 && from.get(common).equals(target.get(common))) {
            common++;
        }
        StringBuilder link = new StringBuilder();
        for (int i = common; i < from.size(); i++) {
            link.append("../");
        }
        link.append(String.join("/", target.subList(common, target.size())));
        return link.toString();
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
