package dev.crossbuild.env;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses the environment snapshots a capture writes: cmd's {@code set} text and {@code env -0} output. */
public final class Snapshots {

    private Snapshots() {
    }

    /**
     * cmd's {@code set} output: one {@code NAME=value} per line, split at the first {@code =} because
     * values contain {@code =} (PLATFORM-NOTES, capture recipe item 3: exec-maven-plugin PR 97), cmd's
     * hidden per-drive entries such as {@code =C:=C:\work} skipped.
     */
    public static Map<String, String> parseCmdSet(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue; // hidden `=X:` entries (eq == 0), blank lines and lines that are not variables
            }
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return env;
    }

    /** {@code env -0} output: NUL-separated entries, so values may hold newlines (capture recipe, POSIX). */
    public static Map<String, String> parseNulSeparated(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : text.split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    /**
     * Decodes what cmd wrote under {@code /u}: its built-in commands write UTF-16LE (capture recipe item 2),
     * while programs a script starts write in their own code page, so text without the UTF-16 shape of
     * NUL high bytes is read as the platform's charset.
     */
    public static String decodeCmdOutput(byte[] bytes) {
        if (bytes.length >= 2 && bytes.length % 2 == 0 && looksUtf16Le(bytes)) {
            String text = new String(bytes, StandardCharsets.UTF_16LE);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
        return new String(bytes, Charset.defaultCharset());
    }

    private static boolean looksUtf16Le(byte[] bytes) {
        int zeros = 0;
        int pairs = Math.min(bytes.length / 2, 256);
        for (int i = 0; i < pairs; i++) {
            if (bytes[2 * i + 1] == 0) {
                zeros++;
            }
        }
        return zeros * 2 >= pairs;
    }
}
