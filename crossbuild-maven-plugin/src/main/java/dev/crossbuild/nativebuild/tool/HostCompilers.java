package dev.crossbuild.nativebuild.tool;

import dev.crossbuild.tools.TargetTools;
import dev.crossbuild.tools.ToolCommand;
import java.util.Map;
import java.util.Optional;

/** For a host build, meson and cmake read the compilers from {@code CC}, {@code CXX} and {@code AR}. */
final class HostCompilers {

    private HostCompilers() {
    }

    static void put(Map<String, String> added, TargetTools configured) {
        put(added, "CC", configured.cc());
        put(added, "CXX", configured.cxx());
        put(added, "AR", configured.ar());
    }

    private static void put(Map<String, String> added, String name, Optional<ToolCommand> tool) {
        tool.ifPresent(t -> added.put(name, t.commandLine()));
    }
}
