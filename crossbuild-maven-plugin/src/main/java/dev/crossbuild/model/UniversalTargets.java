package dev.crossbuild.model;

import dev.crossbuild.core.ProjectException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A macOS universal target ({@code <triple>universal2-apple-darwin</triple>}, cargo-zigbuild's name) is built as
 * its slices, one ordinary target per architecture ({@code aarch64-apple-darwin} and {@code x86_64-apple-darwin})
 * with every setting of the universal one and the id {@code <id>.aarch64} / {@code <id>.x86_64}; {@code lipo}
 * then joins the slices' binaries into one universal file each, which the universal target packages.
 */
public final class UniversalTargets {

    /** The pseudo-triple of a macOS universal target. */
    public static final String TRIPLE = "universal2-apple-darwin";

    /** The triples of its slices, in the order lipo joins them. */
    public static final List<TargetTriple> SLICES = List.of(TargetTriple.parse("aarch64-apple-darwin"),
            TargetTriple.parse("x86_64-apple-darwin"));

    private UniversalTargets() {
    }

    /** The id of a universal target's slice for one of {@link #SLICES}: {@code macos.aarch64}. */
    public static String sliceId(String universalId, TargetTriple slice) {
        return universalId + "." + slice.arch();
    }

    /** A universal target's slices, in the order of {@link #SLICES}; any other target is its own only slice. */
    public static List<TargetSpec> slices(TargetSpec target) {
        if (!target.triple().isUniversalApple()) {
            return List.of(target);
        }
        List<TargetSpec> slices = new ArrayList<>();
        for (TargetTriple triple : SLICES) {
            slices.add(new TargetSpec(sliceId(target.id(), triple), triple, target.toolchain(), target.rustflags(),
                    target.linker(), target.cc(), target.cxx(), target.ar(), target.runner(), target.env(),
                    target.vcvars(), target.vcvarsArgs(), target.properties(), target.testArgs(),
                    target.allowedLibraries(), target.glibc(), target.macosMin(), target.buildStd()));
        }
        return slices;
    }

    /**
     * The targets as they are built: each universal target replaced by its slices, in place.
     *
     * @throws ProjectException when a slice's id is also the id of a configured target
     */
    public static List<TargetSpec> expand(List<TargetSpec> targets) throws ProjectException {
        Set<String> ids = new LinkedHashSet<>();
        targets.forEach(t -> ids.add(t.id()));
        List<TargetSpec> built = new ArrayList<>();
        for (TargetSpec target : targets) {
            for (TargetSpec slice : slices(target)) {
                if (slice != target && ids.contains(slice.id())) {
                    throw new ProjectException("<target><id>" + target.id() + "</id> is universal (" + TRIPLE
                            + "): its " + slice.triple() + " slice is built as target `" + slice.id() + "`, which is"
                            + " also the <id> of another target; rename that target");
                }
                built.add(slice);
            }
        }
        return built;
    }

    /** The universal targets among {@code configured} whose slices are all among the targets as built. */
    public static List<TargetSpec> builtFrom(List<TargetSpec> configured, List<TargetSpec> built) {
        Set<String> ids = new LinkedHashSet<>();
        built.forEach(t -> ids.add(t.id()));
        return configured.stream().filter(t -> t.triple().isUniversalApple())
                .filter(t -> SLICES.stream().allMatch(s -> ids.contains(sliceId(t.id(), s)))).toList();
    }
}
