package dev.crossbuild.cargo;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Targets built by one {@code cargo build --target A --target B …} in one target dir, so build scripts and
 * proc-macros are compiled once for the host instead of once per target. Targets share a group when they share
 * the rustup toolchain, the environment script and its arguments, and {@code <env>} (profile and features are
 * the same for every target of an execution), and what of the standard library they build from source
 * ({@code <buildStd>}: cargo's {@code -Zbuild-std} applies to every target of the command). A target with native builds is built alone: its
 * {@code CROSSBUILD_NATIVE_<ID>_DIR} variables have one name for every triple. Two targets with the same triple
 * never share a group, since cargo keeps one folder per triple.
 *
 * @param members   the targets, in the order of the configuration
 * @param targetDir cargo's target dir: the target's own for a group of one, a shared one otherwise
 */
public record CargoGroup(List<TargetSpec> members, Path targetDir) {

    public CargoGroup {
        members = List.copyOf(members);
    }

    /** Groups the targets, in the order of their first member; every target alone when grouping is off. */
    public static List<CargoGroup> plan(List<TargetSpec> targets, List<NativeBuildSpec> nativeBuilds,
            WorkLayout layout, boolean group) {
        Map<Object, List<List<TargetSpec>>> byKey = new LinkedHashMap<>();
        List<List<TargetSpec>> ordered = new ArrayList<>();
        for (TargetSpec target : targets) {
            boolean alone = !group || nativeBuilds.stream().anyMatch(b -> b.appliesTo(target));
            List<List<TargetSpec>> candidates = alone ? new ArrayList<>()
                    : byKey.computeIfAbsent(key(target), k -> new ArrayList<>());
            List<TargetSpec> open = candidates.stream()
                    .filter(members -> members.stream()
                            .noneMatch(m -> m.triple().value().equals(target.triple().value())))
                    .findFirst().orElse(null);
            if (open == null) {
                open = new ArrayList<>();
                candidates.add(open);
                ordered.add(open);
            }
            open.add(target);
        }
        return ordered.stream().map(members -> new CargoGroup(members, members.size() == 1
                ? layout.cargoTargetDir(members.get(0).id())
                : layout.groupCargoTargetDir(members.stream().map(TargetSpec::id).toList()))).toList();
    }

    /** The group a target is built in. */
    public static CargoGroup of(TargetSpec target, List<CargoGroup> groups) {
        return groups.stream().filter(g -> g.members().stream().anyMatch(m -> m.id().equals(target.id())))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("target " + target.id() + " is in no group"));
    }

    private static Object key(TargetSpec target) {
        return List.of(Objects.toString(target.toolchain(), ""), Objects.toString(target.vcvars(), ""),
                target.vcvarsArgs(), target.env(), BuildStd.cargoArgs(List.of(target)));
    }

    public boolean grouped() {
        return members.size() > 1;
    }

    /** {@code [linux-arm64+windows-x64]}: the prefix of the group's log lines. */
    public String label() {
        return String.join("+", members.stream().map(TargetSpec::id).toList());
    }

    /** The member a cargo artifact belongs to, from the triple folder it was written to, or null (a host tool). */
    public TargetSpec ownerOf(String artifactPath) {
        Path path = Path.of(artifactPath).toAbsolutePath().normalize();
        for (TargetSpec member : members) {
            if (path.startsWith(targetDir.toAbsolutePath().normalize().resolve(member.triple().value()))) {
                return member;
            }
        }
        return null;
    }
}
