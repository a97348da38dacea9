package dev.crossbuild.sbom;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a crate's {@code license} text is an SPDX license expression (SPDX 2.3, annex D), checked against the
 * SPDX license and exception identifiers CycloneDX's own schema lists ({@code spdx.schema.json} of
 * cyclonedx-core-java). Identifiers match without regard to case, as SPDX says, and come back in the list's
 * spelling; the operators {@code AND}, {@code OR}, {@code WITH} come back in upper case. Cargo's old
 * {@code MIT/Apache-2.0} means {@code MIT OR Apache-2.0}.
 */
final class SpdxLicenses {

    private static final Pattern REF = Pattern.compile("(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+");
    private static final Map<String, String> IDS = load();

    private SpdxLicenses() {
    }

    /**
     * The expression in its canonical spelling, or empty when the text is none (a name such as {@code GPL v2},
     * an identifier SPDX does not list, unbalanced parentheses).
     */
    static Optional<String> expression(String license) {
        if (license == null || license.isBlank()) {
            return Optional.empty();
        }
        String text = license.contains("/") ? String.join(" OR ", license.strip().split("\\s*/\\s*")) : license;
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    tokens.add(String.valueOf(c));
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            tokens.add(word.toString());
        }
        Parser parser = new Parser(tokens);
        Optional<String> result = parser.or();
        return result.isPresent() && parser.at == tokens.size() ? result : Optional.empty();
    }

    private static final class Parser {
        private final List<String> tokens;
        private int at;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        Optional<String> or() {
            return chain("OR", this::and);
        }

        Optional<String> and() {
            return chain("AND", this::with);
        }

        private Optional<String> chain(String operator, java.util.function.Supplier<Optional<String>> operand) {
            Optional<String> left = operand.get();
            while (left.isPresent() && operator(operator)) {
                at++;
                Optional<String> right = operand.get();
                left = right.isEmpty() ? Optional.empty() : Optional.of(left.get() + " " + operator + " " + right.get());
            }
            return left;
        }

        Optional<String> with() {
            Optional<String> license = atom();
            if (license.isPresent() && operator("WITH")) {
                at++;
                String exception = at < tokens.size() ? IDS.get(tokens.get(at).toLowerCase(Locale.ROOT)) : null;
                if (exception == null) {
                    return Optional.empty();
                }
                at++;
                return Optional.of(license.get() + " WITH " + exception);
            }
            return license;
        }

        Optional<String> atom() {
            if (at >= tokens.size()) {
                return Optional.empty();
            }
            String token = tokens.get(at);
            if (token.equals("(")) {
                at++;
                Optional<String> inner = or();
                if (inner.isEmpty() || at >= tokens.size() || !tokens.get(at).equals(")")) {
                    return Optional.empty();
                }
                at++;
                return Optional.of("(" + inner.get() + ")");
            }
            if (token.equals(")") || isOperator(token)) {
                return Optional.empty();
            }
            at++;
            if (REF.matcher(token).matches()) {
                return Optional.of(token);
            }
            boolean orLater = token.endsWith("+");
            String id = IDS.get((orLater ? token.substring(0, token.length() - 1) : token).toLowerCase(Locale.ROOT));
            return id == null ? Optional.empty() : Optional.of(id + (orLater ? "+" : ""));
        }

        private boolean operator(String name) {
            return at < tokens.size() && tokens.get(at).equalsIgnoreCase(name);
        }

        private static boolean isOperator(String token) {
            return token.equalsIgnoreCase("AND") || token.equalsIgnoreCase("OR") || token.equalsIgnoreCase("WITH");
        }
    }

    /** The identifiers of CycloneDX's SPDX schema, by their lower-case spelling. */
    private static Map<String, String> load() {
        try (InputStream in = org.cyclonedx.Version.class.getClassLoader().getResourceAsStream("spdx.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("cyclonedx-core-java holds no spdx.schema.json");
            }
            Map<String, String> ids = new HashMap<>();
            for (JsonElement id : JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonArray("enum")) {
                ids.put(id.getAsString().toLowerCase(Locale.ROOT), id.getAsString());
            }
            return Map.copyOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
