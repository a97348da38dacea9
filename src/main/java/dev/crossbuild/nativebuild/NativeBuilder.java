package dev.crossbuild.nativebuild;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.Json;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.env.CapturingTargetEnvironments;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.process.Executables;
import dev.crossbuild.process.ProcessResult;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.process.ReproductionScript;
import dev.crossbuild.process.ToolNotFoundException;
import dev.crossbuild.toolchain.KnownTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Runs the native builds of one target, each out of tree in
 * {@code target/crossbuild/<target-id>/native/<build-id>/}, skips those whose inputs did not change, and
 * records their output directories for cargo ({@link NativeOutputs}).
 */
public final class NativeBuilder {

    /**
     * @param buildDirectory the project's build directory ({@code target/})
     * @param host           the host triple: other targets get a meson cross file or a cmake toolchain file
     * @param force          rebuild even when nothing changed
     */
    public record Options(Path buildDirectory, TargetTriple host, boolean force, Duration timeout) {
    }

    /** What happened to one native build of one target. */
    public record Outcome(String targetId, String buildId, String tool, String result, long millis) {
    }

    /** What a finished build leaves beside its output directory. */
    record Stamp(String configure, String inputs) {
    }

    private final ProcessRunner runner;
    private final TargetEnvironments environments;
    private final BuildLog log;
    private final Options options;
    private final Map<String, String> toolVersions = new ConcurrentHashMap<>();

    public NativeBuilder(ProcessRunner runner, TargetEnvironments environments, BuildLog log, Options options) {
        this.runner = runner;
        this.environments = environments;
        this.log = log;
        this.options = options;
    }

    /** Runs every build that applies to the target, in order; later builds see earlier builds' directories. */
    public List<Outcome> build(TargetSpec target, List<NativeBuildSpec> builds) throws CrossbuildException {
        Path workDir = target.workDirectory(options.buildDirectory());
        Map<String, String> outputs = new LinkedHashMap<>();
        List<String> earlierInputs = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (NativeBuildSpec build : builds) {
            if (!build.appliesTo(target)) {
                continue;
            }
            long start = System.nanoTime();
            Prepared prepared = prepare(target, build, workDir, outputs, earlierInputs);
            String result = run(target, build, prepared);
            outputs.put(build.id(), prepared.output().toString());
            earlierInputs.add(prepared.stamp().inputs());
            outcomes.add(new Outcome(target.id(), build.id(), build.tool().configName(), result,
                    Duration.ofNanos(System.nanoTime() - start).toMillis()));
        }
        NativeOutputs.write(workDir, outputs);
        return outcomes;
    }

    /** Everything one build of one target needs, decided before anything runs. */
    private record Prepared(String where, Path output, Path stampFile, Stamp stamp, Map<String, String> env,
            Map<String, String> added, List<String> args, CrossFiles.Tools tools, String crossFile, Path crossPath) {
    }

    private Prepared prepare(TargetSpec target, NativeBuildSpec build, Path workDir, Map<String, String> earlier,
            List<String> earlierInputs) throws CrossbuildException {
        String where = "target `" + target.id() + "`: " + build.describe();
        Path nativeDir = workDir.resolve("native");
        Path output = nativeDir.resolve(build.id());
        Map<String, String> base = environments.baseEnvironment(target);
        boolean cross = !target.triple().equals(options.host());
        CrossFiles.Tools tools = tools(target, base);

        Map<String, String> values = new LinkedHashMap<>(target.properties());
        values.put("target.id", target.id());
        values.put("triple", target.triple().value());
        values.put("arch", target.triple().archFamily());
        values.put("os", target.triple().osName());
        values.put("buildDir", output.toString());
        putTool(values, "cc", tools.cc(), cross ? null : "cc");
        putTool(values, "cxx", tools.cxx(), cross ? null : "c++");
        putTool(values, "ar", tools.ar(), cross ? null : "ar");
        earlier.forEach((id, dir) -> values.put("native." + id + ".dir", dir));
        Placeholders placeholders = new Placeholders(values, where);
        List<String> args = placeholders.expandAll(build.args());

        Map<String, String> added = new LinkedHashMap<>();
        earlier.forEach((id, dir) -> added.put(NativeOutputs.variableName(id), dir));
        for (Map.Entry<String, String> e : build.env().entrySet()) {
            added.put(e.getKey(), placeholders.expand(e.getValue()));
        }
        Map<String, String> env = new LinkedHashMap<>(base);
        if (build.tool() == NativeTool.MESON && cross) {
            // in a cross build meson takes CC & co. for the build machine and would test-run a cross compiler's
            // output; the target's compilers are in the cross file instead
            List.of("CC", "CXX", "AR", "STRIP", "LD").forEach(env::remove);
        } else if (!cross && build.tool() != NativeTool.MAKE) {
            putIfSet(added, "CC", target.cc());
            putIfSet(added, "CXX", target.cxx());
            putIfSet(added, "AR", target.ar());
        }
        env.putAll(added);

        if (build.tool() != NativeTool.COMMAND && (build.directory() == null || !Files.isDirectory(build.directory()))) {
            throw new ProjectException(where + ": <directory>" + (build.directory() == null ? "" : build.directory())
                    + "</directory> is not a directory; point it at the sources of this build");
        }
        if (build.tool() == NativeTool.COMMAND && args.isEmpty()) {
            throw new ProjectException(where + ": has no <args>; give the program and its arguments, e.g."
                    + " <args><arg>sh</arg><arg>build.sh</arg></args>");
        }
        List<String> programs = build.tool() == NativeTool.COMMAND ? List.of(args.get(0)) : build.tool().programs();
        for (String program : programs) {
            if (Executables.find(program, env).isEmpty()) {
                throw new ProjectException(where + ": `" + program + "` is not on PATH; " + KnownTools.installHint(
                        program).replace("set the element", "set <tool>"));
            }
        }
        String crossFile = null;
        Path crossPath = null;
        if (cross && build.tool() == NativeTool.MESON) {
            crossFile = CrossFiles.mesonCrossFile(target.triple(), tools);
            crossPath = nativeDir.resolve(build.id() + ".cross.ini");
        } else if (cross && build.tool() == NativeTool.CMAKE) {
            crossFile = CrossFiles.cmakeToolchainFile(target.triple(), tools);
            crossPath = nativeDir.resolve(build.id() + ".toolchain.cmake");
        }
        String configure = new Fingerprint().add("native-v1").add(build.tool().configName())
                .add(build.tool() == NativeTool.COMMAND ? programFile(args.get(0), env) : toolVersion(programs.get(0), env)).add(args).add(env, CapturingTargetEnvironments.VOLATILE)
                .add(crossFile).add(build.directory() == null ? null : build.directory().toString()).hex();
        String inputs = new Fingerprint().add(configure).add(earlierInputs).addTree(build.directory(), buildDirectory()).hex();
        return new Prepared(where, output, nativeDir.resolve(build.id() + ".stamp.json"), new Stamp(configure,
                inputs), env, added, args, tools, crossFile, crossPath);
    }

    private String run(TargetSpec target, NativeBuildSpec build, Prepared p) throws CrossbuildException {
        Stamp last = readStamp(p.stampFile());
        if (!options.force() && last != null && last.equals(p.stamp()) && Files.isDirectory(p.output())) {
            log.info("[" + target.id() + "] " + build.describe() + " is up to date, skipped (-Dcrossbuild.native"
                    + ".force=true rebuilds it)");
            return "UP TO DATE";
        }
        deleteQuietly(p.stampFile());
        boolean reconfigure = options.force() || last == null || !last.configure().equals(p.stamp().configure());
        String prefix = "[" + target.id() + "/" + build.id() + "] ";
        log.info("[" + target.id() + "] " + build.describe() + " → " + p.output());
        switch (build.tool()) {
            case MAKE -> {
                syncCopy(build.directory(), p.output(), buildDirectory());
                List<String> command = new ArrayList<>(List.of("make"));
                addMakeVariable(command, "CC", p.tools().cc());
                addMakeVariable(command, "CXX", p.tools().cxx());
                addMakeVariable(command, "AR", p.tools().ar());
                command.addAll(p.args());
                step(p, command, p.output(), prefix);
            }
            case MESON -> {
                if (reconfigure || !Files.isRegularFile(p.output().resolve("meson-private").resolve("coredata.dat"))) {
                    fresh(p);
                    List<String> setup = new ArrayList<>(List.of("meson", "setup"));
                    if (p.crossPath() != null) {
                        setup.addAll(List.of("--cross-file", p.crossPath().toString()));
                    }
                    setup.addAll(p.args());
                    setup.addAll(List.of(p.output().toString(), build.directory().toAbsolutePath().toString()));
                    step(p, setup, p.output().getParent(), prefix);
                }
                step(p, List.of("meson", "compile", "-C", p.output().toString()), p.output().getParent(), prefix);
            }
            case CMAKE -> {
                if (reconfigure || !Files.isRegularFile(p.output().resolve("CMakeCache.txt"))) {
                    fresh(p);
                    List<String> configure = new ArrayList<>(List.of("cmake", "-S",
                            build.directory().toAbsolutePath().toString(), "-B", p.output().toString()));
                    if (p.crossPath() != null) {
                        configure.add("-DCMAKE_TOOLCHAIN_FILE=" + p.crossPath());
                    }
                    configure.addAll(p.args());
                    step(p, configure, p.output().getParent(), prefix);
                }
                step(p, List.of("cmake", "--build", p.output().toString()), p.output().getParent(), prefix);
            }
            case COMMAND -> {
                createDirectories(p.output());
                step(p, p.args(), p.output(), prefix);
            }
        }
        Json.write(p.stampFile(), p.stamp());
        return "BUILT";
    }

    private void step(Prepared p, List<String> command, Path directory, String prefix) throws CrossbuildException {
        ProcessSpec spec = new ProcessSpec(command, directory, p.env(), StandardCharsets.UTF_8, options.timeout());
        log.info(prefix + spec.commandLine());
        ProcessResult result;
        try {
            result = runner.run(spec, line -> log.info(prefix + line), line -> log.info(prefix + line));
        } catch (ToolNotFoundException missing) {
            throw new ProjectException(p.where() + ": " + missing.getMessage() + "; " + KnownTools.installHint(
                    missing.tool()), missing);
        }
        if (!result.succeeded()) {
            Path script = ReproductionScript.write(p.output().resolveSibling(p.output().getFileName() + "-failed.sh"),
                    spec, p.added());
            throw new ProjectException(p.where() + " failed:\n" + result.describe() + "\nreproduce it with: sh "
                    + script);
        }
    }

    private Path buildDirectory() {
        return options.buildDirectory().toAbsolutePath().normalize();
    }

    /** Starts a configure from an empty directory, with the cross file written beside it. */
    private static void fresh(Prepared p) throws MachineException {
        deleteQuietly(p.output());
        createDirectories(p.output());
        if (p.crossPath() != null) {
            try {
                Files.writeString(p.crossPath(), p.crossFile(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MachineException("could not write " + p.crossPath() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The target's compilers: its own elements first, then what its environment script exported
     * ({@code CC_<triple>}), for MSVC targets cl and lib; for gcc-style cross compilers the matching ar and
     * strip beside them.
     */
    public static CrossFiles.Tools tools(TargetSpec target, Map<String, String> env) {
        String key = target.triple().ccEnvKey();
        String cc = firstSet(target.cc(), env.get("CC_" + key));
        String cxx = firstSet(target.cxx(), env.get("CXX_" + key));
        String ar = firstSet(target.ar(), env.get("AR_" + key));
        if (target.triple().isMsvc()) {
            // a Visual Studio environment puts the compiler and librarian of its target arch on PATH
            cc = firstSet(cc, "cl");
            cxx = firstSet(cxx, "cl");
            ar = firstSet(ar, "lib");
        }
        String strip = null;
        Optional<String> prefix = cc == null ? Optional.empty() : gccPrefix(CrossFiles.words(cc).get(0));
        if (prefix.isPresent()) {
            if (ar == null && Executables.find(prefix.get() + "ar", env).isPresent()) {
                ar = prefix.get() + "ar";
            }
            if (Executables.find(prefix.get() + "strip", env).isPresent()) {
                strip = prefix.get() + "strip";
            }
        }
        return new CrossFiles.Tools(cc, cxx, ar, strip, target.runner());
    }

    /** {@code aarch64-linux-gnu-} of {@code aarch64-linux-gnu-gcc}. */
    static Optional<String> gccPrefix(String program) {
        String name = Path.of(program).getFileName().toString();
        int dash = name.lastIndexOf('-');
        if (dash <= 0 || !name.substring(dash + 1).matches("gcc|cc|clang")) {
            return Optional.empty();
        }
        String dir = program.substring(0, program.length() - name.length());
        return Optional.of(dir + name.substring(0, dash + 1));
    }

    private String toolVersion(String program, Map<String, String> env) throws MachineException {
        Optional<Path> path = Executables.find(program, env);
        if (path.isEmpty()) {
            return "missing";
        }
        String known = toolVersions.get(path.get().toString());
        if (known != null) {
            return known;
        }
        String version;
        try {
            var out = runner.capture(ProcessSpec.of(List.of(path.get().toString(), "--version"),
                    path.get().getParent(), env).withTimeout(Duration.ofMinutes(1)));
            version = path.get() + " " + out.stdout().lines().findFirst().orElse("").trim();
        } catch (ToolNotFoundException e) {
            version = "missing";
        }
        toolVersions.put(path.get().toString(), version);
        return version;
    }

    /** The command tool's program is never asked for --version (a build script would just run): its file counts. */
    private static String programFile(String program, Map<String, String> env) {
        return Executables.find(program, env).map(p -> p + " " + describeFile(p)).orElse("missing");
    }

    private static String describeFile(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + ":" + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /**
     * Copies a source tree into the build's own directory, file by file when size or time differ, keeping
     * times so make's own up-to-date checks work: an in-tree Makefile then builds each target in its own
     * copy, with no {@code clean} between targets (PLATFORM-NOTES: the motivating Makefile). A source file
     * deleted since the last copy is deleted from the copy too (a wildcard in the Makefile must not pick it
     * up); what the build itself wrote there stays. The copied paths are listed beside the copy.
     */
    static void syncCopy(Path source, Path copy, Path excluded) throws MachineException {
        Path listing = copy.resolveSibling(copy.getFileName() + ".sources");
        Set<String> copied = new TreeSet<>();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = source.relativize(file);
                // never copy the build directory (with this copy in it) when the sources are the project itself
                if (Fingerprint.ignored(relative) || file.startsWith(excluded)) {
                    continue;
                }
                Path target = copy.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                    continue;
                }
                copied.add(relative.toString());
                if (!sameFile(file, target)) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            if (Files.isRegularFile(listing)) {
                for (String before : Files.readAllLines(listing, StandardCharsets.UTF_8)) {
                    if (!before.isEmpty() && !copied.contains(before)) {
                        Files.deleteIfExists(copy.resolve(before));
                    }
                }
            }
            Files.write(listing, copied, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MachineException("could not copy " + source + " to " + copy + ": " + e.getMessage(), e);
        }
    }

    private static boolean sameFile(Path a, Path b) throws IOException {
        if (!Files.isRegularFile(b)) {
            return false;
        }
        return Files.size(a) == Files.size(b)
                && Files.getLastModifiedTime(a).toMillis() == Files.getLastModifiedTime(b).toMillis();
    }

    private static void addMakeVariable(List<String> command, String name, String value) {
        if (value != null) {
            command.add(name + "=" + value);
        }
    }

    private static void putTool(Map<String, String> values, String name, String value, String fallback) {
        String chosen = value != null ? value : fallback;
        if (chosen != null) {
            values.put(name, chosen);
        }
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String firstSet(String a, String b) {
        return a != null && !a.isBlank() ? a.trim() : b != null && !b.isBlank() ? b.trim() : null;
    }

    private static Stamp readStamp(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.read(file, Stamp.class);
        } catch (MachineException unreadable) {
            return null;
        }
    }

    private static void createDirectories(Path dir) throws MachineException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new MachineException("could not create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // what is left is overwritten by the next build
        }
    }
}
