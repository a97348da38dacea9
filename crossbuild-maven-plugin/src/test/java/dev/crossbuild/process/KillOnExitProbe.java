package dev.crossbuild.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a long process tree through ProcessRunner until this JVM is told to stop (see ProcessRunnerShutdownTest). */
public final class KillOnExitProbe {

    private KillOnExitProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("probe: shutting down")));
        new ProcessRunner().run(ProcessSpec.of(List.of("sh", "-c",
                "sleep 300 & echo $! > pids.tmp; mv pids.tmp pids; wait"), dir, Map.of("PATH", System.getenv("PATH"))),
                line -> { }, line -> { });
    }
}
