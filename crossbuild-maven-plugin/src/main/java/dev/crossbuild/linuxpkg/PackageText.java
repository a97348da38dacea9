package dev.crossbuild.linuxpkg;

import dev.crossbuild.core.ProjectException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where pom text becomes the text of a package field, so that what the pom says stays data and never
 * becomes structure (a new control field, another RPM tag line). Three kinds of text:
 * <ul>
 *   <li>a <em>line</em> (a name, an email, a URL, a license, an organization): trimmed; a line break or any other
 *       control character left inside is refused, naming the pom element, since no folding makes
 *       {@code Pat\nPre-Depends: evil} a name;</li>
 *   <li><em>prose on one line</em> (the summary): every run of white space, line breaks included, is one space,
 *       as a pom's indented text reads; other control characters (ESC, 0x01, DEL, C1) are refused;</li>
 *   <li><em>paragraphs</em> (the description): a blank line separates paragraphs, each folded as prose (one
 *       without a letter or digit, such as {@code .} or {@code ---}, is left out); each format writes them in its
 *       own continuation syntax ({@link DebianDocs#description}).</li>
 * </ul>
 */
final class PackageText {

    private PackageText() {
    }

    /**
     * @param value   the pom's text, or null
     * @param element the pom element it comes from, e.g. {@code <developers><developer><name>}
     * @return the trimmed value, null for null or blank
     * @throws ProjectException when a line break or control character is left inside
     */
    static String line(String value, String element) throws ProjectException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isLineBreak(c)) {
                throw new ProjectException(element + " `" + shown(text) + "` holds a line break; a package field is"
                        + " one line: write the value on one line");
            }
            if (isControl(c)) {
                throw new ProjectException(element + " `" + shown(text) + "` holds the control character "
                        + codePoint(c) + "; remove it from the pom");
            }
        }
        return text;
    }

    /** Prose as one line: runs of white space as one space; other control characters refused. */
    static String folded(String value, String element) throws ProjectException {
        if (value == null) {
            return "";
        }
        refuseControls(value, element);
        return value.strip().replaceAll("[\\s\\u0085\\u2028\\u2029]+", " ");
    }

    /**
     * The paragraphs of a description: split at blank lines (only white space between two line breaks), each
     * folded to one line; none for null or blank text.
     */
    static List<String> paragraphs(String value, String element) throws ProjectException {
        List<String> paragraphs = new ArrayList<>();
        if (value == null) {
            return paragraphs;
        }
        refuseControls(value, element);
        String lines = value.replace("\r\n", "\n").replaceAll("[\\r\\u0085\\u2028]", "\n")
                .replace("\u2029", "\n\n");
        for (String paragraph : lines.split("\n[\\t \\u000b\\f]*\n\\s*")) {
            String folded = folded(paragraph, element);
            // a paragraph of dots or dashes alone says nothing, and " ." is Debian's empty line
            if (folded.codePoints().anyMatch(Character::isLetterOrDigit)) {
                paragraphs.add(folded);
            }
        }
        return paragraphs;
    }

    private static void refuseControls(String value, String element) throws ProjectException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c) && !Character.isWhitespace(c) && c != '\u0085') {
                throw new ProjectException(element + " `" + shown(value.strip()) + "` holds the control character "
                        + codePoint(c) + "; remove it from the pom");
            }
        }
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == '\u0085' || c == '\u2028'
                || c == '\u2029';
    }

    /** C0 (tab included), DEL and C1. */
    private static boolean isControl(char c) {
        return Character.getType(c) == Character.CONTROL;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** The value as a message shows it: control characters escaped, so that the message itself stays one line. */
    static String shown(String value) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < value.length() && text.length() < 120; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (isControl(c) || isLineBreak(c)) {
                        text.append(String.format("\\u%04X", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.length() >= 120 ? text + "…" : text.toString();
    }
}
