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
import dev.crossbuild.jni.JniLinkCheck;
import dev.crossbuild.jni.JniReport;
import dev.crossbuild.jni.NativeMethod;
import dev.crossbuild.jni.UnreadableClassException;
import dev.crossbuild.model.PlatformKeys;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.NativeOutputs;
import dev.crossbuild.nativeloader.NativeIndex;
import dev.crossbuild.packaging.ArchiveEntry;
import dev.crossbuild.packaging.ArchiveStamp;
import dev.crossbuild.packaging.Checksums;
import dev.crossbuild.packaging.ContentCollector;
import dev.crossbuild.packaging.ContentRules;
import dev.crossbuild.packaging.LibraryAudit;
import dev.crossbuild.packaging.LibraryLocator;
import dev.crossbuild.packaging.TargetContents;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes one JAR per target holding its shared libraries at {@code META-INF/native/<name>/<platform>/<file>}
 * with the {@link NativeIndex} beside them: the crate's cdylibs, the native builds' libraries the pom lists, and
 * what the closure audit bundles for them, each proven to be for the target's machine. First every target is
 * planned (gathered, audited, ordered), so that one run reports every problem of every target; then each JAR is
 * written, unless it is up to date.
 */
public final class NativeJars {

    /** A platform key is a path segment and a classifier. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

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

    private final NativeJarOptions options;
    private final BuildLog log;
    private final LibraryLocator locator;

    public NativeJars(NativeJarOptions options, BuildLog log, LibraryLocator locator) {
        this.options = options;
        this.log = log;
        this.locator = locator;
    }

    /** Checks the name and platform keys of the selected targets: a configuration error names every clash. */
    public static Map<String, String> platforms(List<TargetSpec> targets, Map<String, String> overrides, String name)
            throws ProjectException {
        List<String> problems = new ArrayList<>();
        if (name == null || !KEY.matcher(name).matches()) {
            problems.add("<nativeLibraryName>" + name + "</nativeLibraryName> is not a folder name of a JAR; use"
                    + " letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String id : overrides.keySet()) {
            if (targets.stream().noneMatch(t -> t.id().equals(id))) {
                continue; // a target not selected in this build
            }
            String key = overrides.get(id);
            if (!KEY.matcher(key).matches() || key.equals(NativeJarOptions.ALL)) {
                problems.add("<target><id>" + id + "</id> has <platform>" + key + "</platform>, which cannot be a"
                        + " classifier and folder" + (key.equals(NativeJarOptions.ALL) ? " (`all` is the JAR of every"
                        + " platform)" : "") + "; use letters, digits, '.', '_' and '-', e.g. linux-x86_64");
                continue;
            }
            TargetSpec target = targets.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
            PlatformKeys.overrideProblem(target, key).ifPresent(problems::add);
        }
        for (TargetSpec target : targets) {
            Optional<String> key = PlatformKeys.javaPlatform(target, overrides);
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
    public List<PlatformJar> plan(List<TargetSpec> targets) throws CrossbuildException {
        Map<String, String> keys = platforms(targets, options.platforms(), options.name());
        ContentRules rules = new ContentRules("native-jar", this::keep, true,
                "cargo built no cdylib and the pom lists no <nativeLibraries>; set crate-type = [\"cdylib\"] in the"
                        + " [lib] of Cargo.toml, or list the native builds' shared libraries in <nativeLibraries>",
                "crossbuild.native-jar.skip");
        ContentCollector collector = new ContentCollector(options.packaging(), log, locator, rules);
        List<String> problems = new ArrayList<>();
        List<PlatformJar> plans = new ArrayList<>();
        for (TargetSpec target : targets) {
            String inputs = planInputs(target, keys.get(target.id()));
            Optional<PlatformJar> known = knownPlan(target, inputs);
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
                PlatformJar plan = new PlatformJar(target, keys.get(target.id()), order(target, contents,
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
     * native build records, the native builds' output folders and the libraries, so while none of them changed
     * (by path, size and time) the libraries are not gathered, read and audited again.
     */
    record PlanStamp(String inputs, String platform, List<Library> libraries, String main, String libc,
            String glibc) {

        record Library(String name, String source, String kind, String file) {
        }
    }

    private Path planStamp(TargetSpec target) {
        return options.packaging().layout().target(target.id()).resolve("native-jar-plan.json");
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

    private Optional<PlatformJar> knownPlan(TargetSpec target, String inputs) {
        Path file = planStamp(target);
        try {
            PlanStamp stamp = Files.isRegularFile(file) ? Json.read(file, PlanStamp.class) : null;
            if (stamp == null || !inputs.equals(stamp.inputs()) || stamp.libraries() == null
                    || stamp.libraries().isEmpty()) {
                return Optional.empty();
            }
            List<ArchiveEntry> libraries = new ArrayList<>();
            for (PlanStamp.Library library : stamp.libraries()) {
                Path source = Path.of(library.source());
                if (!Files.isRegularFile(source) || !ArchiveStamp.describe(source).equals(library.file())) {
                    return Optional.empty();
                }
                libraries.add(new ArchiveEntry(library.name(), source, true, library.kind()));
            }
            return Optional.of(new PlatformJar(target, stamp.platform(), libraries, stamp.main(), stamp.libc(),
                    stamp.glibc(), Map.of()));
        } catch (MachineException | IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private void rememberPlan(PlatformJar plan, String inputs) throws MachineException {
        List<PlanStamp.Library> libraries = new ArrayList<>();
        try {
            for (ArchiveEntry library : plan.libraries()) {
                libraries.add(new PlanStamp.Library(library.name(), library.source().toString(), library.kind(),
                        ArchiveStamp.describe(library.source())));
            }
        } catch (IOException e) {
            throw new MachineException("could not read the libraries of target `" + plan.target().id() + "`: "
                    + e.getMessage(), e);
        }
        Json.write(planStamp(plan.target()), new PlanStamp(inputs, plan.platform(), libraries, plan.main(),
                plan.libc(), plan.glibc()));
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

    /**
     * The JNI link check: every {@code native} method of the compiled classes must have its {@code Java_…} symbol
     * in each planned target's libraries. Nothing to check when the classes have no native method.
     *
     * @param classes the compiled classes ({@code project.build.outputDirectory})
     * @throws ProjectException listing every method without a symbol, per target
     */
    public void checkJni(List<PlatformJar> plans, Path classes) throws CrossbuildException {
        // a check that passed with no warning is not repeated while the classes and libraries are the same
        Path stamp = options.packaging().layout().root().resolve("jni-check.stamp");
        String inputs = jniInputs(plans, classes);
        try {
            if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(inputs)) {
                log.info("JNI check: the classes and libraries are those that passed it last time");
                return;
            }
            Files.deleteIfExists(stamp);
        } catch (IOException e) {
            throw new MachineException("could not read " + stamp + ": " + e.getMessage(), e);
        }
        List<NativeMethod> methods;
        try {
            methods = JniLinkCheck.nativeMethods(List.of(classes));
        } catch (UnreadableClassException e) {
            throw new ProjectException("native-jar: the JNI check " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MachineException("could not read the classes in " + classes + ": " + e.getMessage(), e);
        }
        if (methods.isEmpty()) {
            log.debug("JNI check: the classes in " + classes + " have no native method");
            return;
        }
        List<String> missing = new ArrayList<>();
        int warnings = 0;
        for (PlatformJar plan : plans) {
            JniReport report;
            try {
                report = JniLinkCheck.check(plan.target().id(), methods, plan.files());
            } catch (IOException e) {
                throw new MachineException("could not read the libraries of target `" + plan.target().id() + "`: "
                        + e.getMessage(), e);
            }
            report.warnings().forEach(log::warn);
            warnings += report.warnings().size();
            missing.addAll(report.missing());
        }
        if (!missing.isEmpty()) {
            throw new ProjectException("native-jar: the JNI check found " + missing.size() + " native method"
                    + (missing.size() == 1 ? "" : "s") + " the libraries do not link:\n  - "
                    + String.join("\n  - ", missing) + "\nExport each symbol (Rust: #[no_mangle] pub extern \"system\""
                    + " fn Java_…; C: JNIEXPORT … JNICALL Java_…, extern \"C\" in C++), or register the methods in"
                    + " JNI_OnLoad; -D" + "crossbuild.jniCheck=false turns the check off");
        }
        if (warnings == 0) {
            try {
                Files.createDirectories(stamp.getParent());
                Files.writeString(stamp, inputs);
            } catch (IOException e) {
                throw new MachineException("could not write " + stamp + ": " + e.getMessage(), e);
            }
        }
        log.info("JNI check: " + methods.size() + " native method" + (methods.size() == 1 ? "" : "s") + " of "
                + classes.getFileName() + " checked against the libraries of " + plans.size() + " target"
                + (plans.size() == 1 ? "" : "s") + (warnings == 0 ? ": every one links" : ": " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + " above"));
    }

    /** What the JNI check's outcome follows from: every class file and every library, by path, size and time. */
    private String jniInputs(List<PlatformJar> plans, Path classes) throws CrossbuildException {
        Fingerprint fingerprint = new Fingerprint().add("jni-check-v1").addTree(classes,
                options.packaging().layout().root());
        try {
            for (PlatformJar plan : plans) {
                fingerprint.add(plan.target().id());
                for (Path file : plan.files()) {
                    fingerprint.add(ArchiveStamp.describe(file));
                }
            }
        } catch (IOException e) {
            throw new MachineException("could not read the libraries: " + e.getMessage(), e);
        }
        return fingerprint.hex();
    }

    /** Writes each planned JAR, and with {@code all} the JAR of every platform; JARs whose bytes stay are kept. */
    public List<Written> write(List<PlatformJar> plans) throws CrossbuildException {
        List<Written> written = new ArrayList<>();
        List<Contents> every = new ArrayList<>();
        for (PlatformJar plan : plans) {
            Path stamp = options.packaging().layout().target(plan.target().id()).resolve("native-jar.stamp");
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
    public Written writeAll(List<PlatformJar> plans) throws CrossbuildException {
        List<Contents> every = new ArrayList<>();
        for (PlatformJar plan : plans) {
            every.add(contents(plan, options.packaging().layout().target(plan.target().id()).resolve(
                    "native-jar.stamp")));
        }
        return writeAll(every);
    }

    private Written writeAll(Iterable<Contents> every) throws MachineException {
        Fingerprint inputs = new Fingerprint().add("native-jar-all-v1");
        List<JarWriter.Entry> entries = new ArrayList<>();
        for (Contents contents : every) {
            inputs.add(contents.inputs());
            entries.addAll(contents.entries());
        }
        return write(NativeJarOptions.ALL, inputs.hex(), entries,
                options.packaging().layout().root().resolve("native-jar-all.stamp"), "");
    }

    /** A platform's entries and the fingerprint of everything their bytes follow from. */
    private record Contents(String inputs, List<JarWriter.Entry> entries) {
    }

    private Contents contents(PlatformJar plan, Path stampFile) throws MachineException {
        String folder = NativeIndex.ROOT + options.name() + "/" + plan.platform() + "/";
        try {
            Fingerprint fingerprint = new Fingerprint().add("native-jar-v1").add(options.packaging().timestamp()
                    .toString()).add(folder).add(plan.target().triple().value()).add(plan.libc()).add(plan.glibc())
                    .add(plan.main());
            for (ArchiveEntry library : plan.libraries()) {
                fingerprint.add(library.name()).add(ArchiveStamp.describe(library.source()));
            }
            String inputs = fingerprint.hex();
            // the sha256 of each library, from the stamp while its inputs are the same, else read
            Map<String, String> known = readStamp(stampFile, inputs).map(ArchiveStamp::files).orElse(Map.of());
            List<NativeIndex.Library> libraries = new ArrayList<>();
            List<JarWriter.Entry> entries = new ArrayList<>();
            for (ArchiveEntry library : plan.libraries()) {
                String sha256 = known.get(folder + library.name());
                libraries.add(new NativeIndex.Library(library.name(), sha256 != null ? sha256
                        : Checksums.sha256(library.source())));
                entries.add(JarWriter.Entry.file(folder + library.name(), library.source()));
            }
            NativeIndex index = new NativeIndex(options.name(), plan.platform(), plan.target().triple().value(),
                    plan.libc(), plan.glibc(), libraries, plan.main());
            entries.add(JarWriter.Entry.text(folder + NativeIndex.FILE_NAME, index.bytes()));
            return new Contents(inputs, entries);
        } catch (IOException e) {
            throw new MachineException("could not read the libraries of target `" + plan.target().id() + "`: "
                    + e.getMessage(), e);
        }
    }

    /** The stamp of a JAR written from these inputs, whatever became of the JAR since. */
    private static Optional<ArchiveStamp> readStamp(Path stampFile, String inputs) {
        try {
            ArchiveStamp known = Files.isRegularFile(stampFile) ? dev.crossbuild.core.Json.read(stampFile,
                    ArchiveStamp.class) : null;
            return known != null && inputs.equals(known.inputs()) && known.files() != null ? Optional.of(known)
                    : Optional.empty();
        } catch (MachineException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private Written write(String classifier, String inputs, List<JarWriter.Entry> entries, Path stampFile,
            String prefix) throws MachineException {
        Path jar = options.jar(classifier);
        try {
            Optional<ArchiveStamp> current = ArchiveStamp.current(stampFile, jar, inputs);
            if (current.isPresent()) {
                log.info(prefix + jar.getFileName() + " is up to date, not written again");
                return new Written(classifier, jar, sidecar(jar, current.get().sha256()), false);
            }
            Files.deleteIfExists(stampFile);
            boolean changed = JarWriter.write(jar, entries, options.packaging().timestamp());
            Map<String, String> files = new LinkedHashMap<>();
            for (JarWriter.Entry entry : entries) {
                if (entry.source() != null) {
                    files.put(entry.name(), Checksums.sha256(entry.source()));
                }
            }
            Files.createDirectories(stampFile.getParent());
            String sha256 = Checksums.sha256(jar);
            new ArchiveStamp(inputs, ArchiveStamp.describe(jar), sha256, files).write(stampFile);
            log.info(prefix + (changed ? "wrote " + jar : jar.getFileName() + " has the same bytes, kept"));
            return new Written(classifier, jar, sidecar(jar, sha256), changed);
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
