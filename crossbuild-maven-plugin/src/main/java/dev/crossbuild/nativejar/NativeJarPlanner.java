package dev.crossbuild.nativejar;

import dev.crossbuild.binary.BinaryHeader;
import dev.crossbuild.binary.BinaryKind;
import dev.crossbuild.cargo.CargoArtifact;
import dev.crossbuild.cargo.CargoBuildRecord;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.Fingerprint;
import dev.crossbuild.core.Json;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.core.Stamp;
import dev.crossbuild.model.PlatformKeys;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.NativeOutputs;
import dev.crossbuild.packaging.ArchiveEntry;
import dev.crossbuild.packaging.ContentCollector;
import dev.crossbuild.packaging.ContentRules;
import dev.crossbuild.packaging.LibraryAudit;
import dev.crossbuild.packaging.LibraryLocator;
import dev.crossbuild.packaging.TargetContents;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plans each target's native JAR: checks the name and platform keys, then gathers, audits and orders every
 * target's libraries, reporting every problem of every target at once. A target's plan is kept beside its work
 * folder and reused while nothing it follows from changed.
 */
final class NativeJarPlanner {

    /** A platform key is a path segment and a classifier. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final NativeJarOptions options;
    private final BuildLog log;
    private final LibraryLocator locator;

    NativeJarPlanner(NativeJarOptions options, BuildLog log, LibraryLocator locator) {
        this.options = options;
        this.log = log;
        this.locator = locator;
    }

    /** Checks the name and platform keys of the selected targets: a configuration error names every clash. */
    static Map<String, String> platforms(List<TargetSpec> targets, String name)
            throws ProjectException {
        List<String> problems = new ArrayList<>();
        if (name == null || !KEY.matcher(name).matches()) {
            problems.add("<nativeLibraryName>" + name + "</nativeLibraryName> is not a folder name of a JAR; use"
                    + " letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, String> byKey = new LinkedHashMap<>();
        for (TargetSpec target : targets) {
            String key = target.platform();
            if (key == null) {
                continue;
            }
            String id = target.id();
            if (!KEY.matcher(key).matches() || key.equals(NativeJarOptions.ALL)) {
                problems.add("<target><id>" + id + "</id> has <platform>" + key + "</platform>, which cannot be a"
                        + " classifier and folder" + (key.equals(NativeJarOptions.ALL) ? " (`all` is the JAR of every"
                        + " platform)" : "") + "; use letters, digits, '.', '_' and '-', e.g. linux-x86_64");
                continue;
            }
            PlatformKeys.overrideProblem(target, key).ifPresent(problems::add);
        }
        for (TargetSpec target : targets) {
            Optional<String> key = PlatformKeys.javaPlatform(target);
            if (key.isEmpty()) {
                problems.add("target `" + target.id() + "` (" + target.triple() + ") has no Java platform key the"
                        + " plugin knows; set one in the target, e.g. <platform>linux-riscv64</platform>");
                continue;
            }
            keys.put(target.id(), key.get());
            String other = byKey.putIfAbsent(key.get(), target.id());
            if (other != null) {
                problems.add("targets `" + other + "` and `" + target.id() + "` both have the platform key "
                        + key.get() + ", so their native JARs would have one classifier; give one another"
                        + " <platform> in its <target>, or select one of them with -Dcrossbuild.targets");
            }
        }
        if (!problems.isEmpty()) {
            throw new ProjectException(problems.size() == 1 ? "native-jar: " + problems.get(0)
                    : "native-jar found " + problems.size() + " problems:\n  - " + String.join("\n  - ", problems));
        }
        return keys;
    }

    /**
     * Gathers, audits and orders every target's libraries.
     *
     * @throws ProjectException listing every problem of every target
     */
    List<NativeJars.PlatformJar> plan(List<TargetSpec> targets) throws CrossbuildException {
        Map<String, String> keys = platforms(targets, options.name());
        ContentRules rules = new ContentRules("native-jar", this::keep, true,
                "cargo built no cdylib and the pom lists no <nativeLibraries>; set crate-type = [\"cdylib\"] in the"
                        + " [lib] of Cargo.toml, or list the native builds' shared libraries in <nativeLibraries>",
                "crossbuild.native-jar.skip");
        ContentCollector collector = new ContentCollector(options.packaging(), log, locator, rules);
        List<String> problems = new ArrayList<>();
        List<NativeJars.PlatformJar> plans = new ArrayList<>();
        for (TargetSpec target : targets) {
            String inputs = planInputs(target, keys.get(target.id()));
            Optional<NativeJars.PlatformJar> known = knownPlan(target, inputs);
            if (known.isPresent()) {
                plans.add(known.get());
                continue;
            }
            TargetContents contents = collector.collect(target);
            List<String> own = new ArrayList<>(contents.problems());
            String who = "target `" + target.id() + "` (" + target.triple() + ")";
            checkListed(who, contents, own);
            for (ArchiveEntry entry : contents.entries()) {
                BinaryHeader header = contents.headers().get(entry.name());
                if (header != null && header.kind() == BinaryKind.EXECUTABLE) {
                    own.add(who + ": " + entry.source() + " (" + entry.kind() + ") is an executable, not a shared"
                            + " library a JVM can load; leave it out of <nativeLibraries>");
                }
            }
            Optional<String> main = own.isEmpty() ? main(who, contents, own) : Optional.empty();
            problems.addAll(own);
            if (own.isEmpty() && main.isPresent()) {
                NativeJars.PlatformJar plan = new NativeJars.PlatformJar(target, keys.get(target.id()), order(target, contents,
                        main.get()), main.get(), libc(target), glibc(contents), contents.headers());
                plans.add(plan);
                rememberPlan(plan, inputs);
            }
        }
        if (!problems.isEmpty()) {
            String hint = problems.stream().anyMatch(p -> p.contains(", but the target needs"))
                    ? "\nA library for another machine must not be published under the target's classifier: rebuild"
                            + " from clean (mvn clean package) and check what put it there." : "";
            throw new ProjectException((problems.size() == 1 ? "native-jar: " + problems.get(0)
                    : "native-jar found " + problems.size() + " problems:\n  - " + String.join("\n  - ", problems))
                    + hint);
        }
        return plans;
    }

    /**
     * A target's plan as the last build made it: what it decided follows from the configuration, the cargo and
     * native build records, the native builds' output folders and the libraries, so while its {@link Stamp} holds
     * (the same inputs, and the libraries it watches unchanged by path, size and time) the libraries are not
     * gathered, read and audited again.
     */
    record PlanStamp(Stamp stamp, String platform, List<Library> libraries, String main, String libc,
            String glibc) {

        record Library(String name, String source, String kind) {
        }
    }

    private Path planStamp(TargetSpec target) {
        return options.packaging().layout().nativeJarPlan(target.id());
    }

    private String planInputs(TargetSpec target, String platform) throws CrossbuildException {
        WorkLayout layout = options.packaging().layout();
        Fingerprint fingerprint = new Fingerprint().add("native-jar-plan-v1").add(options.name())
                .add(options.nativeLibraries()).add(String.valueOf(options.mainLibrary())).add(platform)
                .add(Boolean.toString(options.packaging().bundleLibraries()))
                .add(options.packaging().selection().describe())
                .add(options.packaging().nativeBuilds().stream().filter(b -> b.appliesTo(target))
                        .map(NativeBuildSpec::id).toList())
                .add(target.id()).add(target.triple().value()).add(target.allowedLibraries()).add(target.glibc())
                .add(target.macosMin()).add(target.rustflags());
        // what the records say, not their files: cargo-build writes its record again on every build
        Optional<CargoBuildRecord> cargo = CargoBuildRecord.read(layout, target.id());
        fingerprint.add(cargo.map(r -> r.format() + " " + r.triple() + " " + r.result() + " "
                + (r.selection() == null ? "" : r.selection().describe())).orElse("no cargo record"));
        for (CargoArtifact artifact : cargo.map(CargoBuildRecord::artifacts).orElse(List.of())) {
            fingerprint.add(artifact.kind() + " " + artifact.crate() + " " + artifact.path());
        }
        Optional<NativeOutputs> natives = NativeOutputs.read(layout, target.id());
        fingerprint.add(natives.map(n -> n.format() + " " + n.triple()).orElse("no native record"));
        for (Map.Entry<String, String> output : natives.map(NativeOutputs::outputs).orElse(Map.of()).entrySet()) {
            fingerprint.add(output.getKey() + "=" + output.getValue());
            if (options.packaging().includeNativeOutputs()) {
                Path root = Path.of(output.getValue());
                fingerprint.addTree(root, root.resolve(".crossbuild-excludes-nothing"));
            }
        }
        return fingerprint.hex();
    }

    private Optional<NativeJars.PlatformJar> knownPlan(TargetSpec target, String inputs) {
        Path file = planStamp(target);
        try {
            PlanStamp stamp = Files.isRegularFile(file) ? Json.read(file, PlanStamp.class) : null;
            if (stamp == null || stamp.stamp() == null || !stamp.stamp().holds(inputs) || stamp.libraries() == null
                    || stamp.libraries().isEmpty() || stamp.stamp().watched().size() != stamp.libraries().size()) {
                return Optional.empty();
            }
            List<ArchiveEntry> libraries = new ArrayList<>();
            for (PlanStamp.Library library : stamp.libraries()) {
                // the stamp holds: each library is where it was, unchanged
                libraries.add(new ArchiveEntry(library.name(), Path.of(library.source()), true, library.kind()));
            }
            return Optional.of(new NativeJars.PlatformJar(target, stamp.platform(), libraries, stamp.main(), stamp.libc(),
                    stamp.glibc(), Map.of()));
        } catch (MachineException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private void rememberPlan(NativeJars.PlatformJar plan, String inputs) throws MachineException {
        List<PlanStamp.Library> libraries = new ArrayList<>();
        List<String> watched = new ArrayList<>();
        for (ArchiveEntry library : plan.libraries()) {
            libraries.add(new PlanStamp.Library(library.name(), library.source().toString(), library.kind()));
            watched.add(Stamp.watch(library.source()));
        }
        Json.write(planStamp(plan.target()), new PlanStamp(Stamp.watching(inputs, Map.of(), watched), plan.platform(),
                libraries, plan.main(), plan.libc(), plan.glibc()));
    }

    /** What goes into a native JAR: cdylibs, and the native builds' shared libraries the pom lists. */
    private boolean keep(ArchiveEntry entry) {
        if (!entry.executable()) {
            return false;
        }
        if (entry.kind().equals("cdylib")) {
            return true;
        }
        // a versioned library's links (libfoo.so, libfoo.so.1) are not packaged: the file they point at is
        return entry.kind().startsWith("native:") && !Files.isSymbolicLink(entry.source())
                && options.nativeLibraries().stream().anyMatch(item -> matches(item, entry.name()));
    }

    /**
     * Whether a {@code <nativeLibrary>} names a file: a glob on the file name when it has a dot or a wildcard, else
     * a library name in every platform's spelling ({@code foo}: {@code libfoo.so}, {@code libfoo.so.1.2},
     * {@code foo.dll}, {@code libfoo.dll}, {@code libfoo.dylib}, {@code libfoo.1.dylib}).
     */
    static boolean matches(String item, String fileName) {
        if (item.contains(".") || item.matches(".*[*?\\[{].*")) {
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + item);
            return glob.matches(Path.of(fileName));
        }
        String q = Pattern.quote(item);
        return fileName.matches("lib" + q + "\\.so(\\.\\d+)*") || fileName.matches("(?i)(lib)?" + q + "\\.dll")
                || fileName.matches("lib" + q + "(\\.\\d+)*\\.dylib");
    }

    private void checkListed(String who, TargetContents contents, List<String> problems) {
        for (String item : options.nativeLibraries()) {
            boolean found = contents.entries().stream().anyMatch(e -> e.kind().startsWith("native:")
                    && matches(item, e.name()));
            if (!found) {
                problems.add(who + ": <nativeLibrary>" + item + "</nativeLibrary> matches no shared library in the"
                        + " output folders of the target's native builds; check the name (" + item + " stands for lib"
                        + item + ".so, " + item + ".dll or lib" + item + ".dylib unless it has a dot) and that the"
                        + " native build ran for this target");
            }
        }
    }

    /** The library the program loads: the pom's, the one cdylib, or the one library no other needs. */
    private Optional<String> main(String who, TargetContents contents, List<String> problems) {
        List<String> names = contents.entries().stream().map(ArchiveEntry::name).toList();
        if (options.mainLibrary() != null) {
            List<String> named = names.stream().filter(n -> n.equals(options.mainLibrary())
                    || matches(options.mainLibrary(), n)).toList();
            if (named.size() == 1) {
                return Optional.of(named.get(0));
            }
            problems.add(who + ": <nativeMainLibrary>" + options.mainLibrary() + "</nativeMainLibrary> matches "
                    + (named.isEmpty() ? "none" : named.size() + "") + " of the libraries " + names);
            return Optional.empty();
        }
        List<String> cdylibs = contents.entries().stream().filter(e -> e.kind().equals("cdylib"))
                .map(ArchiveEntry::name).toList();
        List<String> candidates = cdylibs.size() == 1 ? cdylibs : names.stream()
                .filter(n -> cdylibs.isEmpty() || cdylibs.contains(n))
                .filter(n -> contents.entries().stream().noneMatch(e -> dependencies(contents, e.name()).contains(n)))
                .toList();
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        problems.add(who + ": the native JAR holds several libraries that no other needs (" + String.join(", ",
                candidates) + "), so which one the program loads is not clear; name it with <nativeMainLibrary>");
        return Optional.empty();
    }

    /** The libraries of the JAR a library needs, by file name. */
    private static Set<String> dependencies(TargetContents contents, String name) {
        LibraryAudit.Finding finding = contents.needs().get(name);
        Set<String> found = new LinkedHashSet<>();
        if (finding == null) {
            return found;
        }
        for (String library : finding.libraries()) {
            String file = fileName(library);
            for (ArchiveEntry entry : contents.entries()) {
                String n = entry.name();
                if (!n.equals(name) && (n.equalsIgnoreCase(file) || n.startsWith(file + ".")
                        && n.substring(file.length()).matches("(\\.\\d+)+"))) {
                    found.add(n);
                }
            }
        }
        return found;
    }

    /** Load order: each library after the ones it needs, the main library last; otherwise by name. */
    private static List<ArchiveEntry> order(TargetSpec target, TargetContents contents, String main) {
        Map<String, ArchiveEntry> byName = new LinkedHashMap<>();
        contents.entries().stream().sorted(Comparator.comparing(ArchiveEntry::name))
                .forEach(e -> byName.put(e.name(), e));
        List<String> ordered = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String name : byName.keySet()) {
            if (!name.equals(main)) {
                visit(name, contents, ordered, visiting);
            }
        }
        visit(main, contents, ordered, visiting);
        // the main library last even when another library names it (a cycle the loader cannot order anyway)
        if (ordered.remove(main)) {
            ordered.add(main);
        }
        return ordered.stream().map(byName::get).toList();
    }

    private static void visit(String name, TargetContents contents, List<String> ordered, Set<String> visiting) {
        if (ordered.contains(name) || !visiting.add(name)) {
            return;
        }
        for (String dependency : dependencies(contents, name)) {
            visit(dependency, contents, ordered, visiting);
        }
        ordered.add(name);
    }

    private static String libc(TargetSpec target) {
        if (!target.triple().isLinux()) {
            return "none";
        }
        return target.triple().env().startsWith("musl") ? "musl" : target.triple().env().startsWith("gnu") ? "gnu"
                : "none";
    }

    private static String glibc(TargetContents contents) {
        return contents.needs().values().stream().map(LibraryAudit.Finding::glibc).filter(g -> g != null)
                .max(dev.crossbuild.binary.BinaryNeeds::compareVersions).orElse(null);
    }

    private static String fileName(String library) {
        int slash = Math.max(library.lastIndexOf('/'), library.lastIndexOf('\\'));
        return slash < 0 ? library : library.substring(slash + 1);
    }

}
