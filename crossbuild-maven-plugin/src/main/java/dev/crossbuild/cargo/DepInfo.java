package dev.crossbuild.cargo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** cargo's dep-info files ({@code <artifact>.d}, Makefile syntax): where one is, and the files it lists. */
final class DepInfo {

    private DepInfo() {
    }

    /** cargo writes {@code <name>.d} beside each artifact it uplifts: {@code app} and {@code app.exe} → {@code app.d}. */
    static Optional<Path> beside(Path artifact) {
        String name = artifact.getFileName().toString();
        int dot = name.lastIndexOf('.');
        for (String stem : dot > 0 ? List.of(name.substring(0, dot), name) : List.of(name)) {
            Path candidate = artifact.resolveSibling(stem + ".d");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The files a dep-info file lists after each {@code <output>:}, spaces escaped as {@code \ }; empty when it
     * cannot be read or lists a relative path (written relative to a {@code dep-info-basedir} this does not know).
     */
    static Optional<List<Path>> dependencies(Path depInfo) {
        List<String> lines;
        try {
            lines = Files.readAllLines(depInfo, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon < 0) {
                if (line.endsWith(":")) {
                    continue;
                }
                return Optional.empty();
            }
            for (String word : words(line.substring(colon + 2))) {
                Path path;
                try {
                    path = Path.of(word);
                } catch (RuntimeException invalid) {
                    return Optional.empty();
                }
                if (!path.isAbsolute()) {
                    return Optional.empty();
                }
                files.add(path);
            }
        }
        return Optional.of(files);
    }

    /** The words of a dep-info rule's right side: separated by spaces, a space inside a path written {@code \ }. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                word.append(' ');
                i++;
            } else if (c == ' ' || c == '\t') {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
