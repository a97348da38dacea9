package dev.crossbuild.cargo;

import dev.crossbuild.cargo.CargoMessages.Diagnostic;
import java.nio.file.Path;

/** Compiler diagnostics as GitHub Actions workflow commands ({@code ::error file=…,line=…::…}). */
public final class GithubAnnotations {

    private GithubAnnotations() {
    }

    /**
     * Prints a workflow command on standard output as a line of its own. It must not go through the
     * build log: the Actions runner only takes a line as a command when it starts with {@code ::}
     * (after leading blanks), and Maven's log puts {@code [INFO] } in front of every line.
     */
    public static void emit(String command) {
        System.out.println(command);
    }

    public static String format(Diagnostic diagnostic, String title) {
        String command = diagnostic.level().startsWith("error") ? "error" : "warning";
        StringBuilder line = new StringBuilder("::").append(command);
        String separator = " ";
        if (diagnostic.file() != null) {
            line.append(separator).append("file=").append(property(relativeToWorkspace(diagnostic.file())))
                    .append(",line=").append(diagnostic.line()).append(",col=").append(diagnostic.column());
            separator = ",";
        }
        if (title != null && !title.isBlank()) {
            line.append(separator).append("title=").append(property(title));
        }
        return line.append("::").append(data(diagnostic.level() + ": " + diagnostic.message())).toString();
    }

    private static String relativeToWorkspace(String file) {
        String workspace = System.getenv("GITHUB_WORKSPACE");
        if (workspace != null && !workspace.isBlank()) {
            Path path = Path.of(file);
            Path root = Path.of(workspace);
            if (path.isAbsolute() && path.startsWith(root)) {
                return root.relativize(path).toString().replace('\\', '/');
            }
        }
        return file;
    }

    /** Escapes as the workflow command format requires for a message. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes as the workflow command format requires for a property value. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
