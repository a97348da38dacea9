package dev.crossbuild.maven.pom;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.tool.NativeTool;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One {@code <nativeBuild>} of {@code <nativeBuilds>}, as Maven fills it from the pom. Converted at once
 * to the immutable {@link NativeBuildSpec} the core works with.
 *
 * <p>It lives in a package without a class named {@code Target}: Maven fills each {@code <target>} of its
 * {@code <targets>} with the class of that name in the owner's package when there is one, so beside the mojos'
 * {@code Target} the ids of {@code <targets><target>linux-x64</target></targets>} could not be read as text.
 */
public class NativeBuild {

    /** Unique id; the output directory is {@code target/crossbuild/targets/<target-id>/native/<id>}. */
    private String id;

    /** {@code make}, {@code meson}, {@code cmake} or {@code command}. */
    private String tool;

    /** The sources, relative to the project directory (for {@code command}: the files to watch for changes). */
    private File directory;

    /** Arguments: make targets and variables, meson setup or cmake configure options, or the command itself. */
    private List<String> args;

    /** Extra environment variables for this build; values may use placeholders. */
    private Map<String, String> env;

    /** Ids of the targets this build applies to; all targets when empty. */
    private List<String> targets;

    /** Also run the build's own tests in {@code cargo-test}: ctest for cmake, meson test for meson. */
    private boolean test;

    /** Every configured build converted, with unique ids and only known target ids. */
    public static List<NativeBuildSpec> toSpecs(List<NativeBuild> builds, Path baseDirectory, List<String> targetIds)
            throws ProjectException {
        List<NativeBuildSpec> specs = new ArrayList<>();
        for (int i = 0; builds != null && i < builds.size(); i++) {
            NativeBuildSpec spec = builds.get(i).toSpec(i + 1, baseDirectory);
            if (specs.stream().anyMatch(s -> s.id().equals(spec.id()))) {
                throw new ProjectException("<nativeBuild><id>" + spec.id() + "</id> is declared twice in"
                        + " <nativeBuilds>; ids must be unique");
            }
            for (String id : spec.targets()) {
                if (!targetIds.contains(id)) {
                    throw new ProjectException("<nativeBuild><id>" + spec.id() + "</id>: <targets> names `" + id
                            + "`, which is not a configured target; known ids: " + String.join(", ", targetIds));
                }
            }
            specs.add(spec);
        }
        return specs;
    }

    public NativeBuildSpec toSpec(int position, Path baseDirectory) throws ProjectException {
        String element = "<nativeBuilds><nativeBuild> number " + position + (id == null || id.isBlank() ? ""
                : " (`" + id.trim() + "`)");
        if (id == null || !id.trim().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new ProjectException(element + " needs an <id> of letters, digits, '.', '_' and '-'; it names the"
                    + " output directory and the variable CROSSBUILD_NATIVE_<ID>_DIR");
        }
        NativeTool parsed = NativeTool.parse(tool).orElseThrow(() -> new ProjectException(element + ": <tool>"
                + (tool == null ? "" : tool) + "</tool> is not one of " + Arrays.stream(NativeTool.values())
                        .map(NativeTool::configName).collect(Collectors.joining(", "))));
        List<String> arguments = Elements.list(args, element, "args");
        if (parsed.driver().programIsFirstArgument() && arguments.isEmpty()) {
            throw new ProjectException(element + ": <tool>" + parsed.configName() + "</tool> has no <args>; give the"
                    + " program and its arguments, e.g. <args><arg>sh</arg><arg>build.sh</arg></args>");
        }
        Path dir = directory == null ? (parsed.driver().programIsFirstArgument() ? null : baseDirectory)
                : baseDirectory.resolve(directory.toPath()).normalize();
        if (!parsed.driver().programIsFirstArgument() && !Files.isDirectory(dir)) {
            throw new ProjectException(element + ": <directory>" + dir + "</directory> is not a directory; point it"
                    + " at the sources of this build");
        }
        if (test && parsed.driver().tests(baseDirectory).isEmpty()) {
            throw new ProjectException(element + ": <test>true</test> runs ctest or meson test, which <tool>"
                    + parsed.configName() + "</tool> does not have; remove <test> or run the tests in a cargo test");
        }
        return new NativeBuildSpec(id.trim(), parsed, dir, arguments, Elements.map(env, element, "env"),
                Elements.list(targets, element, "targets"), test);
    }
}
