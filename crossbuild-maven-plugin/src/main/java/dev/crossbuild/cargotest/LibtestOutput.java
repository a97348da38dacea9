package dev.crossbuild.cargotest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.crossbuild.cargo.CargoMessages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code cargo test --message-format=json} prints: cargo's JSON messages and libtest's lines on
 * standard output, cargo's {@code Running …} and {@code Doc-tests …} lines on standard error. The two
 * streams arrive on their own threads, so blocks are matched to binaries by their order, never by arrival
 * time. Fed line by line as the process runs; thread-safe.
 */
public final class LibtestOutput {

    private static final Pattern RUNNING = Pattern.compile("^\\s*Running (.+) \\((.+)\\)\\s*$");
    private static final Pattern DOC_TESTS = Pattern.compile("^\\s*Doc-tests (\\S+)\\s*$");
    private static final Pattern TEST_LINE = Pattern.compile("^test (.+?) \\.\\.\\. ?(ok|FAILED|ignored.*)?$");
    private static final Pattern BLOCK_START = Pattern.compile("^running \\d+ tests?$");
    private static final Pattern FAILURE_HEADER = Pattern.compile("^---- (.+) stdout ----$");
    private static final Pattern OLD_PANIC = Pattern.compile("panicked at '(.*)', (\\S+:\\d+:\\d+)", Pattern.DOTALL);
    private static final Pattern NEW_PANIC = Pattern.compile("panicked at (\\S+:\\d+:\\d+):\\n(.*?)(?:\\n(?:note:|stack "
            + "backtrace:)|\\n\\n|$)", Pattern.DOTALL);

    /** What cargo said it runs next, in order. */
    private record Binary(String description, String path, boolean doc) {
    }

    /** One libtest block as read so far. */
    private static final class Block {
        final Map<String, TestCase> cases = new LinkedHashMap<>();
        final Map<String, StringBuilder> failureText = new HashMap<>();
        String currentFailure;
        boolean inFailures;
        boolean finished;
        String started;
    }

    private final List<Binary> binaries = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private final Map<String, String[]> artifactNames = new HashMap<>();
    private final List<JsonObject> compilerMessages = new ArrayList<>();
    private long lastLine = System.nanoTime();

    /** A line of standard output: a cargo JSON message or a libtest line. */
    public synchronized void stdout(String line) {
        var json = CargoMessages.parse(line);
        if (json.isPresent()) {
            json(json.get());
            return;
        }
        long now = System.nanoTime();
        double seconds = (now - lastLine) / 1e9;
        lastLine = now;
        if (BLOCK_START.matcher(line).matches()) {
            blocks.add(new Block());
            return;
        }
        if (blocks.isEmpty()) {
            return;
        }
        Block block = blocks.get(blocks.size() - 1);
        if (line.startsWith("test result: ")) {
            block.finished = true;
            block.started = null;
            return;
        }
        Matcher failure = FAILURE_HEADER.matcher(line);
        if (failure.matches()) {
            block.inFailures = true;
            block.currentFailure = failure.group(1);
            block.failureText.put(block.currentFailure, new StringBuilder());
            return;
        }
        if (line.equals("failures:")) {
            block.currentFailure = null;
            block.inFailures = true;
            return;
        }
        if (block.inFailures) {
            if (block.currentFailure != null) {
                block.failureText.get(block.currentFailure).append(line).append('\n');
            }
            return;
        }
        Matcher test = TEST_LINE.matcher(line);
        if (test.matches()) {
            String name = test.group(1);
            String result = test.group(2);
            if (result == null) {
                block.started = name; // the line of a test that never finished (cut off when it was stopped)
                return;
            }
            TestCase.Status status = result.equals("ok") ? TestCase.Status.PASSED
                    : result.equals("FAILED") ? TestCase.Status.FAILED : TestCase.Status.IGNORED;
            block.cases.put(name, new TestCase(name, status, status == TestCase.Status.IGNORED ? 0 : seconds, null,
                    null));
        }
    }

    /** A line of standard error: cargo's own progress, which names each binary before it runs. */
    public synchronized void stderr(String line) {
        Matcher running = RUNNING.matcher(line);
        if (running.matches()) {
            binaries.add(new Binary(running.group(1), running.group(2), false));
            return;
        }
        Matcher doc = DOC_TESTS.matcher(line);
        if (doc.matches()) {
            binaries.add(new Binary("doctests of " + doc.group(1), doc.group(1), true));
        }
    }

    private void json(JsonObject message) {
        String reason = CargoMessages.reason(message);
        if ("compiler-message".equals(reason)) {
            compilerMessages.add(message);
            return;
        }
        if (!"compiler-artifact".equals(reason) || !message.has("executable") || message.get("executable").isJsonNull()) {
            return;
        }
        JsonObject target = message.getAsJsonObject("target");
        JsonArray kinds = target.getAsJsonArray("kind");
        String kind = kinds.isEmpty() ? "" : kinds.get(0).getAsString();
        String executable = message.get("executable").getAsString();
        artifactNames.put(fileName(executable), new String[] {target.get("name").getAsString(), kind});
    }

    /** cargo's compiler messages (errors and warnings), for the caller to report. */
    public synchronized List<JsonObject> compilerMessages() {
        return List.copyOf(compilerMessages);
    }

    /** The test binaries cargo started, in order, with what they reported. */
    public synchronized List<TestSuite> suites() {
        List<TestSuite> suites = new ArrayList<>();
        for (int i = 0; i < binaries.size(); i++) {
            Binary binary = binaries.get(i);
            Block block = i < blocks.size() ? blocks.get(i) : new Block();
            List<TestCase> cases = new ArrayList<>();
            for (TestCase c : block.cases.values()) {
                StringBuilder text = block.failureText.get(c.name());
                cases.add(text == null ? c : new TestCase(c.name(), c.status(), c.seconds(),
                        panicMessage(text.toString()), text.toString().strip()));
            }
            suites.add(new TestSuite(name(binary), binary.description(), cases, block.finished));
        }
        return suites;
    }

    /**
     * A test binary that ended before libtest's {@code test result:} line: it crashed or aborted (on wasm32 every
     * panic aborts the binary), or it was stopped.
     *
     * @param suite   its index in {@link #suites()}
     * @param path    the binary's path as cargo printed it (relative to where cargo ran)
     * @param started the test libtest had announced and not finished, or null
     */
    public record Unfinished(int suite, String path, String started) {
    }

    /** The test binaries (not doctests) that ended before their {@code test result:} line. */
    public synchronized List<Unfinished> unfinished() {
        List<Unfinished> unfinished = new ArrayList<>();
        for (int i = 0; i < binaries.size(); i++) {
            Binary binary = binaries.get(i);
            Block block = i < blocks.size() ? blocks.get(i) : null;
            if (!binary.doc() && (block == null || !block.finished)) {
                unfinished.add(new Unfinished(i, binary.path(), block == null ? null : block.started));
            }
        }
        return unfinished;
    }

    /** The binary and the test that were running when the output stopped, or null. */
    public synchronized String[] running() {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Block block = blocks.get(i);
            if (!block.finished) {
                String binary = i < binaries.size() ? name(binaries.get(i)) : "(unknown binary)";
                return new String[] {binary, block.started};
            }
        }
        return binaries.size() > blocks.size() ? new String[] {name(binaries.get(blocks.size())), null} : null;
    }

    private String name(Binary binary) {
        if (binary.doc()) {
            return binary.path() + "-doc";
        }
        String[] known = artifactNames.get(fileName(binary.path()));
        if (known == null) {
            String file = fileName(binary.path());
            int dash = file.lastIndexOf('-');
            return dash > 0 ? file.substring(0, dash) : file;
        }
        // a package's library and binary share a name: the binary's tests get their own
        boolean libraryOfTheSameName = artifactNames.values().stream()
                .anyMatch(other -> other[0].equals(known[0]) && other[1].equals("lib"));
        return known[1].equals("bin") && libraryOfTheSameName ? known[0] + "-bin" : known[0];
    }

    /** The panic message of a failure block, in the format of old (1.63) and new libtest alike. */
    static String panicMessage(String text) {
        Matcher old = OLD_PANIC.matcher(text);
        if (old.find()) {
            return old.group(1).strip() + " (" + old.group(2) + ")";
        }
        Matcher current = NEW_PANIC.matcher(text);
        if (current.find()) {
            return current.group(2).strip() + " (" + current.group(1) + ")";
        }
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("failed");
    }

    private static String fileName(String path) {
        String name = Path.of(path).getFileName().toString();
        return name.endsWith(".exe") ? name.substring(0, name.length() - 4) : name;
    }
}
