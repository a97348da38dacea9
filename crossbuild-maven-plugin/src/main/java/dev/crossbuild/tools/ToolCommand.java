package dev.crossbuild.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * A tool as the pom gives it: a program and the arguments that always go with it
 * ({@code <cc>ccache clang --target=aarch64-linux-gnu</cc>}), parsed once. A program path with spaces is
 * written in quotes ({@code "C:/Program Files/LLVM/bin/clang.exe" --target=…}); single and double quotes
 * group words, a backslash is an ordinary character (Windows paths keep theirs).
 *
 * @param program the program: a bare name looked up on PATH, or a path
 * @param args    the arguments that always follow it
 */
public record ToolCommand(String program, List<String> args) {

    public ToolCommand {
        if (program == null || program.isBlank()) {
            throw new IllegalArgumentException("a tool needs a program");
        }
        args = List.copyOf(args);
    }

    /** The tool of a pom value or variable; empty for null or blank text. */
    public static java.util.Optional<ToolCommand> parse(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ToolCommand(words.get(0), words.subList(1, words.size())));
    }

    /** A single program, never split. */
    public static ToolCommand of(String program) {
        return new ToolCommand(program, List.of());
    }

    /** The program followed by its arguments. */
    public List<String> words() {
        List<String> all = new ArrayList<>();
        all.add(program);
        all.addAll(args);
        return all;
    }

    /**
     * The form compilers take in variables ({@code CC}, {@code CC_<triple>}, make's {@code CC=}): words
     * joined by spaces, a word with a space in double quotes.
     */
    public String commandLine() {
        StringBuilder text = new StringBuilder();
        for (String word : words()) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(word.isEmpty() || word.chars().anyMatch(Character::isWhitespace) ? '"' + word + '"' : word);
        }
        return text.toString();
    }

    /** This command behind a launcher ({@code sccache gcc -O2}), unless it already runs behind it. */
    public ToolCommand behind(String launcher) {
        return programName().startsWith(launcher) ? this : new ToolCommand(launcher, words());
    }

    /** The file name of the program, without directories. */
    public String programName() {
        int slash = Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\'));
        return program.substring(slash + 1);
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
