package dev.crossbuild.cargo;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.model.UniversalTargets;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The last step of a macOS universal target's cargo build: each file its first slice built (program, dynamic or
 * static library) is joined with the same file of the other slice by {@code lipo -create} into
 * {@code <target dir>/universal2-apple-darwin/<profile>/}, and the universal target gets a cargo build record
 * listing the joined files, which the packaging goals then use. A joined file newer than both of its slices is
 * left alone.
 */
public final class UniversalJoin {

    private final ProcessRunner runner;
    private final BuildLog log;

    public UniversalJoin(ProcessRunner runner, BuildLog log) {
        this.runner = runner;
        this.log = log;
    }

    /**
     * @param selected the selected targets, universal ones not expanded
     * @param built    the records of the targets as built (a universal target's slices among them)
     * @param environment where lipo is looked for (its PATH) and run
     * @return the records of the universal targets
     */
    public List<CargoBuildRecord> joinAll(List<TargetSpec> selected, List<CargoBuildRecord> built,
            CargoOptions options, Map<String, String> environment) throws CrossbuildException {
        List<CargoBuildRecord> joined = new ArrayList<>();
        Path lipo = null;
        for (TargetSpec target : selected) {
            if (!target.triple().isUniversalApple()) {
                continue;
            }
            if (lipo == null) {
                try {
                    lipo = Lipo.find(environment);
                } catch (ProjectException missing) {
                    throw new ProjectException("target `" + target.id() + "` (" + UniversalTargets.TRIPLE
                            + "): cannot join its slices into universal binaries: " + missing.getMessage());
                }
            }
            joined.add(join(target, built, options, lipo, environment));
        }
        return joined;
    }

    private CargoBuildRecord join(TargetSpec target, List<CargoBuildRecord> built, CargoOptions options, Path lipo,
            Map<String, String> environment) throws CrossbuildException {
        String who = "target `" + target.id() + "` (" + UniversalTargets.TRIPLE + ")";
        List<CargoBuildRecord> slices = new ArrayList<>();
        for (TargetTriple slice : UniversalTargets.SLICES) {
            String id = UniversalTargets.sliceId(target.id(), slice);
            slices.add(built.stream().filter(r -> r.id().equals(id) && r.succeeded()).findFirst().orElseThrow(
                    () -> new ProjectException(who + ": its " + slice + " slice (`" + id + "`) was not built")));
        }
        Path outputDir = options.layout().cargoTargetDir(target.id()).resolve(UniversalTargets.TRIPLE);
        CargoBuildRecord.delete(options.layout(), target.id());
        List<CargoArtifact> artifacts = new ArrayList<>();
        long millis = 0;
        CargoBuildRecord first = slices.get(0);
        for (CargoArtifact artifact : first.artifacts()) {
            String relative = relative(artifact, first.triple(), who);
            List<Path> inputs = new ArrayList<>(List.of(Path.of(artifact.path())));
            for (CargoBuildRecord other : slices.subList(1, slices.size())) {
                inputs.add(other.artifacts().stream().filter(a -> a.kind().equals(artifact.kind())
                        && a.crate().equals(artifact.crate()) && relative.equals(relativeOrNull(a, other.triple())))
                        .map(a -> Path.of(a.path())).findFirst().orElseThrow(() -> new ProjectException(who + ": its "
                                + other.triple() + " slice built no " + relative + " to join with the "
                                + first.triple() + " one; both slices build the same crates")));
            }
            Path output = outputDir.resolve(relative);
            long started = System.nanoTime();
            if (!newerThanAll(output, inputs)) {
                run(lipo, inputs, output, who, environment);
            }
            millis += (System.nanoTime() - started) / 1_000_000;
            artifacts.add(new CargoArtifact(artifact.kind(), artifact.crate(), output.toString()));
        }
        for (CargoBuildRecord slice : slices) {
            millis += slice.durationMillis();
        }
        log.info("[" + target.id() + "] " + artifacts.size() + " universal file" + (artifacts.size() == 1 ? "" : "s")
                + " (" + String.join(" + ", UniversalTargets.SLICES.stream().map(TargetTriple::arch).toList())
                + ") in " + outputDir + " with " + lipo.getFileName());
        CargoBuildRecord record = CargoBuildRecord.of(target, options.selection(), "SUCCESS", millis, artifacts, null);
        record.write(options.layout());
        return record;
    }

    /** The artifact's path below its triple's folder: {@code release/app}, {@code release/examples/demo}. */
    private static String relative(CargoArtifact artifact, String triple, String who) throws ProjectException {
        String relative = relativeOrNull(artifact, triple);
        if (relative == null) {
            throw new ProjectException(who + ": cargo wrote " + artifact.path() + " outside its " + triple + " folder");
        }
        return relative;
    }

    private static String relativeOrNull(CargoArtifact artifact, String triple) {
        Path path = Path.of(artifact.path());
        for (int i = path.getNameCount() - 2; i >= 0; i--) {
            if (path.getName(i).toString().equals(triple)) {
                return path.subpath(i + 1, path.getNameCount()).toString();
            }
        }
        return null;
    }

    private static boolean newerThanAll(Path output, List<Path> inputs) {
        try {
            if (!Files.isRegularFile(output)) {
                return false;
            }
            long joined = Files.getLastModifiedTime(output).toMillis();
            for (Path input : inputs) {
                if (Files.getLastModifiedTime(input).toMillis() >= joined) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void run(Path lipo, List<Path> inputs, Path output, String who, Map<String, String> environment)
            throws CrossbuildException {
        List<String> command = new ArrayList<>(List.of(lipo.toString(), "-create", "-output", output.toString()));
        inputs.forEach(p -> command.add(p.toString()));
        try {
            Files.createDirectories(output.getParent());
            Files.deleteIfExists(output);
        } catch (IOException e) {
            throw new MachineException(who + ": cannot prepare " + output + ": " + e.getMessage(), e);
        }
        log.debug(String.join(" ", command));
        ProcessRunner.CapturedOutput out = runner.capture(ProcessSpec.of(command, output.getParent(), environment));
        if (!out.result().succeeded()) {
            throw new ProjectException(who + ": `" + String.join(" ", command) + "` failed (exit "
                    + out.result().exitCode() + "): " + (out.stderr() + out.stdout()).trim());
        }
    }
}
