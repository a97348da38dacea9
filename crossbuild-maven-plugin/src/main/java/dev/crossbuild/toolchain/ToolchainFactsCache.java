package dev.crossbuild.toolchain;

import dev.crossbuild.core.Fingerprint;
import dev.crossbuild.core.Json;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.Stamp;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.process.Executables;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Toolchain facts kept between builds in {@code target/crossbuild/toolchain-cache/}, so a build where nothing
 * changed does not ask rustup, cargo and rustc again. The key is the toolchain name and everything that
 * decides the answers: the resolved {@code cargo} and {@code rustc} on the target's PATH with their
 * modification times, and rustup's settings and installed toolchains (a {@code rustup update} or
 * {@code rustup toolchain link} changes them).
 */
final class ToolchainFactsCache {

    private static final String FORMAT = "toolchain-facts-v1";

    private final Path directory;

    ToolchainFactsCache(Path directory) {
        this.directory = directory;
    }

    Optional<ToolchainFacts> read(String key) {
        Path file = directory.resolve(key + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.read(file, ToolchainFacts.class));
        } catch (MachineException unreadable) {
            return Optional.empty();
        }
    }

    void write(String key, ToolchainFacts facts) throws MachineException {
        Json.write(directory.resolve(key + ".json"), facts);
    }

    /** The key of a target's toolchain facts in its environment. */
    static String key(TargetSpec target, Map<String, String> env) {
        Fingerprint fingerprint = new Fingerprint().add(FORMAT).add(target.toolchain()).add(env.get("PATH"))
                .add(env.get("RUSTUP_TOOLCHAIN")).add(env.get("RUSTC")).add(env.get("CARGO"));
        for (String tool : new String[] {"cargo", "rustc", "rustup"}) {
            fingerprint.add(Executables.find(tool, env).map(ToolchainFactsCache::stamp).orElse("missing"));
        }
        String home = env.get("RUSTUP_HOME");
        Path rustup = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"),
                ".rustup");
        fingerprint.add(stamp(rustup.resolve("settings.toml")));
        Path toolchains = rustup.resolve("toolchains");
        if (Files.isDirectory(toolchains)) {
            try (DirectoryStream<Path> installed = Files.newDirectoryStream(toolchains)) {
                java.util.List<Path> sorted = new java.util.ArrayList<>();
                installed.forEach(sorted::add);
                sorted.sort(null);
                for (Path toolchain : sorted) {
                    fingerprint.add(toolchain.getFileName().toString()).add(stamp(toolchain.resolve("bin")
                            .resolve("rustc")));
                }
            } catch (IOException unreadable) {
                fingerprint.add("unreadable");
            }
        }
        return fingerprint.hex().substring(0, 32);
    }

    /** The file a link (a rustup proxy) resolves to, {@link Stamp#watch as the stamps watch it}. */
    private static String stamp(Path file) {
        try {
            return Stamp.watch(file.toRealPath());
        } catch (IOException missing) {
            return Stamp.watch(file);
        }
    }
}
