package dev.crossbuild.process;

import dev.crossbuild.core.MachineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a shell script beside the build output that repeats a failed command by hand: the
 * directory, the variables the plugin set (not the whole environment, which may hold secrets)
 * and the command. Variables whose values come from the user ({@code <env>}, which may hold tokens)
 * appear by name only: the script asks for them to be exported before it runs.
 */
public final class ReproductionScript {

    private ReproductionScript() {
    }

    /**
     * @param userVariables names of variables from the pom's {@code <env>}: written without their values
     */
    public static Path write(Path file, ProcessSpec spec, Map<String, String> addedVariables,
            Set<String> userVariables) throws MachineException {
        StringBuilder text = new StringBuilder("#!/bin/sh\n# Repeats a command that failed in the build.\n");
        Set<String> hidden = new TreeSet<>(userVariables);
        if (!hidden.isEmpty()) {
            text.append("# Values from the pom's <env> are not written here; export them first: ")
                    .append(String.join(" ", hidden)).append('\n');
            hidden.forEach(name -> text.append(": \"${").append(name).append(":?export ").append(name)
                    .append(" (from <env>) before running this script}\"\n"));
        }
        text.append("cd ").append(ShellQuoting.quote(spec.directory().toString())).append(" || exit 1\n");
        addedVariables.forEach((key, value) -> {
            if (!hidden.contains(key)) {
                text.append("export ").append(key).append('=').append(ShellQuoting.quote(value)).append('\n');
            }
        });
        text.append("exec ").append(spec.commandLine()).append('\n');
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: run it with sh from Git for Windows
            }
            return file;
        } catch (IOException e) {
            throw new MachineException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
