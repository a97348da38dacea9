package dev.crossbuild.sbom;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.toolchain.CargoLock;
import dev.crossbuild.toolchain.RustCommands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The crates compiled into one target's binaries, as cargo itself resolves them for the triple
 * ({@code cargo metadata --filter-platform <triple>}): a dependency only for another platform is not there, and
 * dev-dependencies never are. Walks the resolve graph from the packages the build selects ({@link #roots}, as
 * cargo tree tells them), so a crate that only a member not built needs is not there, and a member that a built
 * package depends on is; a crate reached only through a build dependency or a proc-macro is marked build-only.
 */
public final class CargoResolution {

    private final ProcessRunner runner;

    public CargoResolution(ProcessRunner runner) {
        this.runner = runner;
    }

    /**
     * What cargo is asked to resolve: the manifest, the feature flags, the build's {@code <cargoArgs>} (whose
     * {@code -p}, {@code --workspace} and {@code --exclude} select the packages) and whether the network is off.
     */
    public record Request(Path manifest, List<String> featureArgs, List<String> cargoArgs, boolean offline,
            Map<String, String> environment) {
        public Request {
            featureArgs = List.copyOf(featureArgs);
            cargoArgs = cargoArgs == null ? List.of() : List.copyOf(cargoArgs);
            environment = Map.copyOf(environment);
        }
    }

    /**
     * @throws ProjectException when cargo cannot resolve the crate (a missing dependency, a bad manifest)
     * @throws MachineException when cargo cannot run
     */
    public List<CargoCrate> resolve(TargetSpec target, Request request) throws CrossbuildException {
        List<String> args = new ArrayList<>(List.of("metadata", "--format-version", "1", "--manifest-path",
                request.manifest().toString(), "--filter-platform", target.triple().value()));
        args.addAll(request.featureArgs());
        if (request.offline()) {
            args.add("--offline");
        }
        ProcessSpec spec = ProcessSpec.of(RustCommands.cargo(target, args), request.manifest().getParent(),
                request.environment());
        ProcessRunner.CapturedOutput out = runner.capture(spec);
        if (!out.result().succeeded()) {
            throw new ProjectException("target `" + target.id() + "`: cargo could not resolve the crate's"
                    + " dependencies for " + target.triple() + " (" + spec.commandLine() + "):\n"
                    + out.stderr().strip() + "\nFix the dependency or the <manifestPath>, then build again");
        }
        LockChecksums checksums = checksums(request.manifest());
        // cargo keeps every kind of an edge it kept, so a dev-dependency that is also a Windows dependency is listed
        // for Linux too, with its cfg(windows): the kinds are evaluated here against rustc's cfg for the triple
        ProcessSpec cfgSpec = ProcessSpec.of(RustCommands.rustc(target, "--print", "cfg", "--target",
                target.triple().value()), request.manifest().getParent(), request.environment());
        ProcessRunner.CapturedOutput cfg = runner.capture(cfgSpec);
        if (!cfg.result().succeeded()) {
            throw new MachineException("target `" + target.id() + "`: " + cfgSpec.commandLine() + " failed:\n"
                    + cfg.stderr().strip());
        }
        // the packages cargo build builds: cargo tree takes the same selection and applies cargo's rules
        List<String> treeArgs = new ArrayList<>(List.of("tree", "--depth", "0", "--prefix", "none", "--format", "{p}",
                "--manifest-path", request.manifest().toString(), "--target", target.triple().value()));
        treeArgs.addAll(request.featureArgs());
        List<String> selection = packageSelection(request.cargoArgs());
        treeArgs.addAll(selection);
        if (request.offline()) {
            treeArgs.add("--offline");
        }
        ProcessSpec treeSpec = ProcessSpec.of(RustCommands.cargo(target, treeArgs), request.manifest().getParent(),
                request.environment());
        ProcessRunner.CapturedOutput tree = runner.capture(treeSpec);
        if (!tree.result().succeeded()) {
            throw new ProjectException("target `" + target.id() + "`: cargo could not tell which packages the build"
                    + " selects (" + treeSpec.commandLine() + "):\n" + tree.stderr().strip()
                    + (selection.isEmpty() ? "\nFix the <manifestPath>" : "\nFix " + String.join(" ", selection)
                            + " in <cargoArgs>"));
        }
        return crates(out.stdout(), checksums, TargetCfg.parse(target.triple().value(), cfg.stdout()),
                tree.stdout());
    }

    /**
     * The binary targets of the workspace members ({@code cargo metadata --no-deps}), sorted.
     *
     * @throws ProjectException when cargo cannot read the manifest
     */
    public List<String> programs(Path manifest, Map<String, String> environment) throws CrossbuildException {
        ProcessSpec spec = ProcessSpec.of(List.of("cargo", "metadata", "--format-version", "1", "--no-deps",
                "--offline", "--manifest-path", manifest.toString()), manifest.getParent(), environment);
        ProcessRunner.CapturedOutput out = runner.capture(spec);
        if (!out.result().succeeded()) {
            throw new ProjectException("cargo could not read " + manifest + " (" + spec.commandLine() + "):\n"
                    + out.stderr().strip() + "\nFix the manifest or the <manifestPath>");
        }
        return programs(out.stdout());
    }

    static List<String> programs(String metadata) {
        JsonObject root = JsonParser.parseString(metadata).getAsJsonObject();
        List<String> members = new ArrayList<>();
        root.getAsJsonArray("workspace_members").forEach(m -> members.add(m.getAsString()));
        java.util.TreeSet<String> programs = new java.util.TreeSet<>();
        for (JsonElement p : root.getAsJsonArray("packages")) {
            if (!members.contains(p.getAsJsonObject().get("id").getAsString())) {
                continue;
            }
            for (JsonElement t : p.getAsJsonObject().getAsJsonArray("targets")) {
                for (JsonElement kind : t.getAsJsonObject().getAsJsonArray("kind")) {
                    if (kind.getAsString().equals("bin")) {
                        programs.add(t.getAsJsonObject().get("name").getAsString());
                    }
                }
            }
        }
        return List.copyOf(programs);
    }

    private static LockChecksums checksums(Path manifest) throws MachineException {
        try {
            var lock = CargoLock.find(manifest);
            return LockChecksums.parse(lock.isPresent()
                    ? Files.readString(lock.get().file(), StandardCharsets.UTF_8) : "");
        } catch (IOException e) {
            throw new MachineException("could not read the Cargo.lock of " + manifest + ": " + e.getMessage(), e);
        }
    }

    /**
     * The crates of a {@code cargo metadata} document linked into (or run to build) the packages the build
     * selects, sorted by name and version; the selected packages themselves are the SBOM's main component.
     *
     * @param treeRoots what {@code cargo tree --depth 0} prints for the build's package selection
     */
    static List<CargoCrate> crates(String metadata, LockChecksums checksums, TargetCfg cfg, String treeRoots)
            throws CrossbuildException {
        JsonObject root;
        try {
            root = JsonParser.parseString(metadata).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new MachineException("cargo metadata printed no JSON document: " + e.getMessage(), e);
        }
        Map<String, JsonObject> packages = new HashMap<>();
        for (JsonElement p : root.getAsJsonArray("packages")) {
            packages.put(p.getAsJsonObject().get("id").getAsString(), p.getAsJsonObject());
        }
        Map<String, JsonObject> nodes = new HashMap<>();
        for (JsonElement n : root.getAsJsonObject("resolve").getAsJsonArray("nodes")) {
            nodes.put(n.getAsJsonObject().get("id").getAsString(), n.getAsJsonObject());
        }
        List<String> built = roots(treeRoots, root, packages);

        // true: linked into a binary of the target; false: runs only while building
        Map<String, Boolean> runtime = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String member : built) {
            runtime.put(member, true);
            queue.add(member);
        }
        // a built package that another one depends on is listed, as it is linked into that one too
        java.util.Set<String> reached = new java.util.HashSet<>();
        while (!queue.isEmpty()) {
            String id = queue.poll();
            boolean parentRuntime = runtime.get(id);
            JsonObject node = nodes.get(id);
            if (node == null) {
                continue;
            }
            for (JsonElement d : node.getAsJsonArray("deps")) {
                JsonObject dep = d.getAsJsonObject();
                String pkg = dep.get("pkg").getAsString();
                boolean normal = false;
                boolean build = false;
                for (JsonElement k : kinds(dep)) {
                    JsonElement platform = k.getAsJsonObject().get("target");
                    if (!applies(cfg, platform == null || platform.isJsonNull() ? null : platform.getAsString())) {
                        continue;
                    }
                    JsonElement kind = k.getAsJsonObject().get("kind");
                    if (kind == null || kind.isJsonNull()) {
                        normal = true;
                    } else if (kind.getAsString().equals("build")) {
                        build = true;
                    }
                }
                if (!normal && !build) {
                    continue; // a dev-dependency
                }
                boolean depRuntime = parentRuntime && normal && !isProcMacro(packages.get(pkg));
                reached.add(pkg);
                Boolean known = runtime.get(pkg);
                if (known == null || (depRuntime && !known)) {
                    runtime.put(pkg, depRuntime);
                    queue.add(pkg);
                }
            }
        }
        List<CargoCrate> crates = new ArrayList<>();
        for (Map.Entry<String, Boolean> entry : runtime.entrySet()) {
            if (built.contains(entry.getKey()) && !reached.contains(entry.getKey())) {
                continue;
            }
            JsonObject p = packages.get(entry.getKey());
            String name = p.get("name").getAsString();
            String version = p.get("version").getAsString();
            crates.add(new CargoCrate(name, version, text(p, "license"), text(p, "source"),
                    checksums.of(name, version).orElse(null), !entry.getValue()));
        }
        crates.sort(Comparator.comparing(CargoCrate::name).thenComparing(CargoCrate::version));
        return crates;
    }

    /**
     * The arguments of {@code <cargoArgs>} that select packages: {@code -p}/{@code --package},
     * {@code --workspace}/{@code --all} and {@code --exclude}, with their values.
     */
    static List<String> packageSelection(List<String> cargoArgs) {
        List<String> selection = new ArrayList<>();
        for (int i = 0; i < cargoArgs.size(); i++) {
            String arg = cargoArgs.get(i);
            if (arg.equals("--workspace") || arg.equals("--all")) {
                selection.add("--workspace");
            } else if ((arg.equals("-p") || arg.equals("--package") || arg.equals("--exclude"))
                    && i + 1 < cargoArgs.size()) {
                selection.add(arg);
                selection.add(cargoArgs.get(++i));
            } else if (arg.startsWith("--package=") || arg.startsWith("--exclude=")
                    || arg.startsWith("-p") && arg.length() > 2 && !arg.startsWith("--")) {
                selection.add(arg);
            }
        }
        return selection;
    }

    /**
     * The package ids of the workspace members {@code cargo tree --depth 0} prints as its roots ({@code name
     * vX.Y.Z (path)}, one a line): the packages {@code cargo build} builds with the same selection, by cargo's
     * own rules (the manifest's package, {@code default-members}, every member of a virtual workspace).
     */
    static List<String> roots(String treeOutput, JsonObject metadata, Map<String, JsonObject> packages)
            throws MachineException {
        List<String> members = new ArrayList<>();
        metadata.getAsJsonArray("workspace_members").forEach(m -> members.add(m.getAsString()));
        List<String> roots = new ArrayList<>();
        for (String line : treeOutput.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String[] words = line.split("\\s+");
            if (words.length < 2 || !words[1].startsWith("v")) {
                throw new MachineException("cargo tree printed a line the plugin cannot read: " + line);
            }
            String name = words[0];
            String version = words[1].substring(1);
            String id = members.stream().filter(m -> packages.containsKey(m)
                    && packages.get(m).get("name").getAsString().equals(name)
                    && packages.get(m).get("version").getAsString().equals(version)).findFirst()
                    .orElseThrow(() -> new MachineException("cargo tree names " + name + " " + version
                            + ", which cargo metadata does not list as a workspace member"));
            if (!roots.contains(id)) {
                roots.add(id);
            }
        }
        if (roots.isEmpty()) {
            throw new MachineException("cargo tree printed no package of the workspace");
        }
        return roots;
    }

    private static boolean applies(TargetCfg cfg, String platform) throws MachineException {
        try {
            return cfg.matches(platform);
        } catch (IllegalArgumentException e) {
            throw new MachineException("cargo metadata printed a platform the plugin cannot read: " + e.getMessage(),
                    e);
        }
    }

    /** A dependency's kinds; cargo before 1.41 printed none, meaning a normal dependency. */
    private static JsonArray kinds(JsonObject dep) {
        JsonArray kinds = dep.getAsJsonArray("dep_kinds");
        if (kinds == null || kinds.isEmpty()) {
            JsonArray normal = new JsonArray();
            normal.add(new JsonObject());
            return normal;
        }
        return kinds;
    }

    private static boolean isProcMacro(JsonObject pkg) {
        if (pkg == null) {
            return false;
        }
        for (JsonElement t : pkg.getAsJsonArray("targets")) {
            for (JsonElement kind : t.getAsJsonObject().getAsJsonArray("kind")) {
                if (kind.getAsString().equals("proc-macro")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
