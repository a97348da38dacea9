package dev.crossbuild.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a platform-specific dependency applies to a triple: the {@code target} of a dependency kind in
 * {@code cargo metadata} is a triple or a {@code cfg(...)} expression ({@code all}, {@code any}, {@code not},
 * {@code name}, {@code key = "value"}), evaluated against what {@code rustc --print cfg --target} prints.
 *
 * @param triple the target triple
 * @param cfg    rustc's lines: {@code unix}, {@code target_os="linux"}, …
 */
public record TargetCfg(String triple, Set<String> cfg) {

    public TargetCfg {
        cfg = Set.copyOf(cfg.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    public static TargetCfg parse(String triple, String rustcPrintCfg) {
        return new TargetCfg(triple, Set.copyOf(rustcPrintCfg.lines().map(String::strip)
                .filter(s -> !s.isEmpty()).toList()));
    }

    /** Whether a dependency kind's {@code target} (null: every platform) applies. */
    public boolean matches(String platform) {
        if (platform == null) {
            return true;
        }
        String text = platform.strip();
        if (!text.startsWith("cfg(")) {
            return text.equals(triple);
        }
        if (!text.endsWith(")")) {
            throw new IllegalArgumentException("cannot read the cfg expression " + platform);
        }
        Parser parser = new Parser(text.substring(4, text.length() - 1));
        boolean result = parser.predicate();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw new IllegalArgumentException("cannot read the cfg expression " + platform);
        }
        return result;
    }

    private final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return at >= text.length();
        }

        void skipSpaces() {
            while (!atEnd() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean predicate() {
            skipSpaces();
            String name = identifier();
            skipSpaces();
            if (!atEnd() && text.charAt(at) == '(') {
                at++;
                List<Boolean> values = new ArrayList<>();
                skipSpaces();
                while (!atEnd() && text.charAt(at) != ')') {
                    values.add(predicate());
                    skipSpaces();
                    if (!atEnd() && text.charAt(at) == ',') {
                        at++;
                        skipSpaces();
                    }
                }
                expect(')');
                return switch (name) {
                    case "all" -> values.stream().allMatch(v -> v);
                    case "any" -> values.stream().anyMatch(v -> v);
                    case "not" -> values.size() == 1 && !values.get(0);
                    default -> throw new IllegalArgumentException("unknown cfg operator " + name + " in " + text);
                };
            }
            if (!atEnd() && text.charAt(at) == '=') {
                at++;
                skipSpaces();
                expect('"');
                int end = text.indexOf('"', at);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated string in cfg expression " + text);
                }
                String value = text.substring(at, end);
                at = end + 1;
                return cfg.contains(name + "=\"" + value + "\"");
            }
            return cfg.contains(name);
        }

        private String identifier() {
            int start = at;
            while (!atEnd() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("expected a name at " + start + " in cfg expression " + text);
            }
            return text.substring(start, at);
        }

        private void expect(char c) {
            if (atEnd() || text.charAt(at) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at + " in cfg expression " + text);
            }
            at++;
        }
    }
}
