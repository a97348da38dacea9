package dev.crossbuild.linuxpkg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * The files Debian policy wants in {@code /usr/share/doc/<name>/} of every package, written from the metadata and
 * the output timestamp alone: {@code copyright} (the machine-readable format) and {@code changelog.gz} (one entry
 * for this version, gzip with no name or time in its header). Both packages carry them.
 */
final class DebianDocs {

    /** The licenses whose full text every Debian system has in {@code /usr/share/common-licenses/}. */
    private static final Map<String, String> COMMON_LICENSES = Map.ofEntries(Map.entry("Apache-2.0", "Apache-2.0"),
            Map.entry("GPL-2.0", "GPL-2"), Map.entry("GPL-2.0-only", "GPL-2"), Map.entry("GPL-2.0-or-later", "GPL-2"),
            Map.entry("GPL-3.0", "GPL-3"), Map.entry("GPL-3.0-only", "GPL-3"), Map.entry("GPL-3.0-or-later", "GPL-3"),
            Map.entry("LGPL-2.1", "LGPL-2.1"), Map.entry("LGPL-2.1-only", "LGPL-2.1"),
            Map.entry("LGPL-2.1-or-later", "LGPL-2.1"), Map.entry("LGPL-3.0", "LGPL-3"),
            Map.entry("LGPL-3.0-only", "LGPL-3"), Map.entry("LGPL-3.0-or-later", "LGPL-3"),
            Map.entry("MPL-2.0", "MPL-2.0"), Map.entry("CC0-1.0", "CC0-1.0"));
    private static final DateTimeFormatter CHANGELOG_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int WIDTH = 79;

    private DebianDocs() {
    }

    static String copyright(PackageMetadata meta, Instant time) {
        StringBuilder text = new StringBuilder();
        text.append("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n");
        text.append("Upstream-Name: ").append(meta.name()).append('\n');
        text.append("Upstream-Contact: ").append(meta.maintainer()).append('\n');
        if (meta.homepage() != null) {
            text.append("Source: ").append(meta.homepage()).append('\n');
        }
        text.append('\n');
        text.append("Files: *\n");
        text.append("Copyright: ").append(time.atZone(ZoneOffset.UTC).getYear()).append(' ').append(meta.holder())
                .append('\n');
        text.append("License: ").append(meta.license()).append('\n');
        String common = COMMON_LICENSES.get(meta.license());
        String body = common != null ? "On Debian systems, the complete text of the " + meta.license() + " license"
                + " can be found in /usr/share/common-licenses/" + common + "."
                : meta.licenseUrl() != null ? "The complete text of the license is at " + meta.licenseUrl() + "."
                        : meta.homepage() != null ? "See " + meta.homepage() + " for the terms of the license."
                                : "The terms of the license are those the copyright holder publishes with the"
                                        + " program.";
        wrap(body, WIDTH - 1).forEach(line -> text.append(' ').append(line).append('\n'));
        return text.toString();
    }

    static String changelog(PackageMetadata meta, Instant time) {
        StringBuilder text = new StringBuilder();
        text.append(meta.name()).append(" (").append(meta.version().debian()).append(") unstable; urgency=medium\n\n");
        List<String> lines = wrap("Version " + meta.mavenVersion() + ", packaged by crossbuild-maven-plugin.", 74);
        for (int i = 0; i < lines.size(); i++) {
            text.append(i == 0 ? "  * " : "    ").append(lines.get(i)).append('\n');
        }
        text.append("\n -- ").append(meta.maintainer()).append("  ").append(CHANGELOG_DATE.format(time)).append('\n');
        return text.toString();
    }

    /**
     * gzip as {@code gzip -9n} writes it: maximum compression (and the header byte that says so, which lintian
     * reads), no file name, no time, Unix as the system.
     */
    static byte[] gzip(String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3});
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try (OutputStream out = new DeflaterOutputStream(bytes, deflater)) {
            out.write(data);
        } finally {
            deflater.end();
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        writeInt(bytes, crc.getValue());
        writeInt(bytes, data.length);
        return bytes.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    /**
     * The Debian {@code Description}: the summary, then each paragraph as continuation lines of at most 79
     * characters, each starting with a space, paragraphs apart by a line {@code " ."}. A line never starts with
     * {@code .} (Debian keeps {@code " .text"} for future use): such a word stays on the line before, or, first in
     * its paragraph, gets a second leading space (a line shown as it is).
     */
    static String description(String summary, List<String> paragraphs) {
        StringBuilder text = new StringBuilder(summary);
        for (int p = 0; p < paragraphs.size(); p++) {
            if (p > 0) {
                text.append("\n .");
            }
            for (String line : wrap(paragraphs.get(p), WIDTH - 1, true)) {
                text.append(line.startsWith(".") ? "\n  " : "\n ").append(line);
            }
        }
        return text.toString();
    }

    /** The RPM {@code %description}: the paragraphs as lines of at most 79 characters, a blank line apart. */
    static String rpmDescription(List<String> paragraphs) {
        List<String> blocks = new ArrayList<>();
        for (String paragraph : paragraphs) {
            blocks.add(String.join("\n", wrap(paragraph, WIDTH, false)));
        }
        return String.join("\n\n", blocks);
    }

    /** Words filled into lines of at most {@code width} characters. */
    static List<String> wrap(String text, int width) {
        return wrap(text, width, false);
    }

    /**
     * Words filled into lines of at most {@code width} characters (a longer word gets a line of its own); with
     * {@code keepDots} a word starting with {@code .} starts no line but the first.
     */
    static List<String> wrap(String text, int width, boolean keepDots) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width
                    && !(keepDots && word.startsWith("."))) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
