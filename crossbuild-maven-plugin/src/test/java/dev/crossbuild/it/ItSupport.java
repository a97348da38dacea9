package dev.crossbuild.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Helpers for the Invoker scenarios' selector and verify scripts (on their class path through
 * {@code addTestClassPath}): tool detection with the strict mode, and running built binaries
 * natively, under qemu-user or under wine.
 */
public final class ItSupport {

    private ItSupport() {
    }

    /**
     * Decides whether a scenario runs. Outside strict mode a scenario whose tools are missing is
     * skipped with a line naming them; in strict mode it always runs, so a missing tool fails it.
     */
    public static boolean requireTools(Object strict, String scenario, String... tools) {
        List<String> missing = Arrays.stream(tools).filter(t -> !onPath(t)).toList();
        if (missing.isEmpty() || Boolean.parseBoolean(String.valueOf(strict))) {
            return true;
        }
        console("[crossbuild-it] SKIPPED " + scenario + ": missing " + String.join(", ", missing)
                + " (run .ci/run to install every toolchain)");
        return false;
    }

    /**
     * Prints a line on Maven's console. Invoker points {@code System.out} of a selector script at the scenario's
     * own log file, where nobody reads why it was skipped; the process's standard output is the console.
     */
    public static void console(String line) {
        java.io.PrintStream out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
                true, StandardCharsets.UTF_8);
        out.println(line);
        out.flush();
    }

    /** Whether the rustup toolchain of that name exists (the Debian one is linked as `debian`). */
    public static boolean onPath(String tool) {
        if (tool.startsWith("toolchain:")) {
            try {
                return run(List.of("rustup", "toolchain", "list"), null).lines()
                        .anyMatch(l -> l.startsWith(tool.substring("toolchain:".length())));
            } catch (IllegalStateException e) {
                return false;
            }
        }
        if (tool.startsWith("/")) {
            return new File(tool).exists();
        }
        String path = System.getenv("PATH");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a binary for a triple: natively, under qemu for aarch64 Linux, under wine for Windows. */
    public static String runBinary(String triple, File binary) {
        List<String> command = new ArrayList<>();
        if (triple.startsWith("aarch64-unknown-linux")) {
            // never -L: with it qemu-user hangs any program that starts a second thread; the multiarch libc6:arm64
            // gives qemu the loader where the binary names it
            command.add("qemu-aarch64");
        } else if (triple.contains("windows")) {
            command.add("wine");
        }
        command.add(binary.getAbsolutePath());
        return run(command, binary.getParentFile());
    }

    /** Runs a command to its end and returns its standard output; fails on a non-zero exit. */
    public static String run(List<String> command, File directory) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            if (directory != null) {
                builder.directory(directory);
            }
            Map<String, String> env = builder.environment();
            env.put("WINEDEBUG", "-all");
            Path err = Files.createTempFile("it-stderr", ".txt");
            builder.redirectError(err.toFile());
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            String errText = Files.readString(err);
            Files.deleteIfExists(err);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " exited with " + process.exitValue() + "\n" + out
                        + errText);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs Maven (the one running the scenarios) offline on a scenario's project, for scenarios whose later
     * steps need files an earlier step made: what it printed and its exit code, as {@code [exit, output]}.
     */
    public static List<Object> mvn(File directory, Object localRepository, String... args) {
        return mvn(directory, localRepository, true, args);
    }

    /** The same, online when {@code offline} is false (a goal that refuses {@code -o}, such as push-image). */
    public static List<Object> mvn(File directory, Object localRepository, boolean offline, String... args) {
        return mvnWithEnvironment(directory, localRepository, offline, java.util.Map.of(), args);
    }

    /** The same with environment variables set for Maven (credentials a goal reads from the environment). */
    public static List<Object> mvnWithEnvironment(File directory, Object localRepository, boolean offline,
            java.util.Map<String, String> environment, String... args) {
        try {
            String mvn = mavenUnderTest(directory).resolve("bin").resolve("mvn").toString();
            // offline, the scenarios' repository is never asked; its id must still be known, because the local
            // repository remembers which repository each artifact came from
            Path settings = Files.createTempFile("it-settings", ".xml");
            Files.writeString(settings, "<settings><profiles><profile><id>it-repo</id><activation>"
                    + "<activeByDefault>true</activeByDefault></activation><repositories><repository>"
                    + "<id>local.central</id><url>file:///nonexistent</url></repository></repositories>"
                    + "<pluginRepositories><pluginRepository><id>local.central</id><url>file:///nonexistent</url>"
                    + "</pluginRepository></pluginRepositories></profile></profiles></settings>");
            List<String> command = new ArrayList<>(List.of(mvn, "-B", "-s", settings.toString(),
                    "-Dmaven.repo.local=" + localRepository));
            if (offline) {
                command.add(2, "-o");
            }
            command.addAll(Arrays.asList(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory).redirectErrorStream(true);
            builder.environment().remove("MAVEN_OPTS");
            builder.environment().putAll(environment);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return List.of(process.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run Maven: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The Maven a scenario runs under: the one running the scenarios, or for the clones of the executions that
     * repeat scenarios under other Mavens ({@code target/it-maven-4/}, {@code target/it-maven-oldest/}) the
     * distribution unpacked beside them in {@code target/mavens/}, so a scenario's later steps use it too.
     */
    static Path mavenUnderTest(File directory) throws IOException {
        for (Path dir = directory.toPath().toAbsolutePath(); dir != null; dir = dir.getParent()) {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            if (name.equals("it-maven-4") || name.equals("it-maven-oldest")) {
                String major = name.equals("it-maven-4") ? "apache-maven-4" : "apache-maven-3";
                Path mavens = dir.resolveSibling("mavens");
                try (var homes = Files.list(mavens)) {
                    return homes.filter(h -> h.getFileName().toString().startsWith(major)).findFirst()
                            .orElseThrow(() -> new IOException("no " + major + "* in " + mavens));
                }
            }
        }
        return Path.of(System.getProperty("maven.home"));
    }

    /** Copies a folder tree, as a CI download step would. */
    public static void copyTree(File from, File to) throws IOException {
        Path source = from.toPath();
        try (var files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = to.toPath().resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /** The build log of a scenario, for checking messages. */
    public static String buildLog(File basedir) throws IOException {
        return Files.readString(new File(basedir, "build.log").toPath(), StandardCharsets.UTF_8);
    }

    /**
     * The logs of a scenario's invocations ({@code invoker.goals.1}, {@code .2}, …) in order, from its build log: each
     * starts at Maven's {@code Scanning for projects...} (what precedes the first is the selector's). Fails unless
     * there are {@code expected} of them.
     */
    public static List<String> runs(String log, int expected) {
        List<String> runs = Arrays.asList(log.split("(?m)^\\[INFO\\] Scanning for projects\\.\\.\\.$"));
        runs = runs.subList(Math.min(1, runs.size()), runs.size());
        check(runs.size() == expected, "expected " + expected + " runs in the log, found " + runs.size() + ":\n" + log);
        return runs;
    }

    /** An ELF file's header facts: 32 or 64 bits, type (2 program, 3 shared object), machine, flags. */
    public record Elf(int bits, int type, int machine, long flags) {
    }

    /**
     * The header of a little-endian ELF file (machine 62 x86-64, 183 aarch64, 40 ARM); fails unless it is one.
     */
    public static Elf elf(File file) throws IOException {
        byte[] b = head(file, 64);
        check(b.length >= 6 && (b[0] & 0xff) == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F',
                file + " is not an ELF file");
        check((b[4] == 1 || b[4] == 2) && b[5] == 1, file + " is not a little-endian ELF file");
        int bits = b[4] == 1 ? 32 : 64;
        check(b.length >= (bits == 32 ? 52 : 64), file + " is cut short inside its ELF header");
        return new Elf(bits, u16(b, 16), u16(b, 18), u32(b, bits == 32 ? 36 : 48));
    }

    /** A 64-bit Mach-O file's header facts: CPU type (0x0100000c arm64), file type (2 program, 6 dylib). */
    public record MachO(long cpu, long fileType) {
    }

    /** The header of a little-endian 64-bit Mach-O file (not a universal one); fails unless it is one. */
    public static MachO machO(File file) throws IOException {
        byte[] b = head(file, 16);
        check(b.length >= 16 && u32(b, 0) == 0xfeedfacfL, file + " is not a 64-bit Mach-O file");
        return new MachO(u32(b, 4), u32(b, 12));
    }

    private static byte[] head(File file, int length) throws IOException {
        try (var in = Files.newInputStream(file.toPath())) {
            return in.readNBytes(length);
        }
    }

    /** The machine in a PE file's COFF header (0x8664 x86-64, 0xaa64 ARM64, 0x14c x86); fails unless it is a PE. */
    public static int peMachine(File file) throws IOException {
        byte[] b = Files.readAllBytes(file.toPath());
        return u16(b, coff(b, file));
    }

    /** The link time in a PE file's COFF header (seconds since 1970; 0 where the linker was made reproducible). */
    public static long peLinkTime(File file) throws IOException {
        byte[] b = Files.readAllBytes(file.toPath());
        return u32(b, coff(b, file) + 4);
    }

    /** Where the COFF header starts, after the {@code PE\0\0} signature the DOS header points to. */
    private static int coff(byte[] b, File file) {
        check(b.length >= 0x40 && b[0] == 'M' && b[1] == 'Z', file + " is not a PE file (no MZ header)");
        int at = (int) u32(b, 0x3c);
        check(at > 0 && at + 24 <= b.length && b[at] == 'P' && b[at + 1] == 'E' && b[at + 2] == 0 && b[at + 3] == 0,
                file + " is not a PE file (no PE signature where its DOS header points)");
        return at + 4;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return u16(b, at) | (long) u16(b, at + 2) << 16;
    }

    /** Fails with the message when the condition does not hold. */
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    /** Fails when the log shows a Java stack trace: bad input must give a message, never a trace. */
    public static void noStackTrace(String log) {
        if (java.util.regex.Pattern.compile("(?m)^\\s+at [a-zA-Z_$][\\w$.]* ?\\(|^Caused by: ").matcher(log).find()) {
            throw new AssertionError("the build log shows a stack trace:\n" + log);
        }
    }

    /**
     * Parses every Surefire report ({@code TEST-*.xml}) under the folder with an XML parser, as Jenkins' junit step
     * and GitLab do: fails naming the first file that is not well-formed or is no {@code <testsuite>}, and fails when
     * there is none. Returns how many it parsed.
     */
    public static int parseReports(File directory) {
        List<Path> reports;
        try (var files = Files.walk(directory.toPath())) {
            reports = files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("no Surefire reports: cannot list " + directory + ": " + e);
        }
        check(!reports.isEmpty(), "no TEST-*.xml under " + directory);
        for (Path report : reports) {
            try {
                DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
                builder.setErrorHandler(new DefaultHandler() {
                    @Override
                    public void fatalError(SAXParseException e) throws SAXParseException {
                        throw e;
                    }
                });
                String root = builder.parse(report.toFile()).getDocumentElement().getTagName();
                check(root.equals("testsuite"), report + " is a <" + root + ">, not a <testsuite>");
            } catch (SAXException | IOException | ParserConfigurationException e) {
                throw new AssertionError(report + " is not well-formed XML, CI servers would drop it: " + e.getMessage(),
                        e);
            }
        }
        return reports.size();
    }

    /** Fails unless the text contains the expected piece, showing what it was. */
    public static void contains(String text, String expected) {
        if (!text.contains(expected)) {
            throw new AssertionError("expected to find:\n  " + expected + "\nin:\n" + text);
        }
    }

    /**
     * Starts Debian's {@code docker-registry} (distribution v2) on 127.0.0.1 at a free port, storing under
     * {@code dir}, and waits until it answers; a shutdown hook stops it if the caller cannot. Returns
     * {@code [process, port]}; stop it with {@link #stopRegistry}.
     */
    public static List<Object> startRegistry(File dir) throws IOException, InterruptedException {
        return startRegistry(dir, null, null);
    }

    /** The same, asking for Basic authentication as {@code user} (an htpasswd file made with apache2-utils). */
    public static List<Object> startRegistry(File dir, String user, String password) throws IOException,
            InterruptedException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(dir.toPath());
        Path config = dir.toPath().resolve("config.yml");
        Files.writeString(config, "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: "
                + dir.toPath().resolve("data") + "\nhttp:\n  addr: 127.0.0.1:" + port + "\n"
                + (user == null ? "" : "auth:\n  htpasswd:\n    realm: it\n    path: " + dir.toPath().resolve("htpasswd")
                + "\n"));
        if (user != null) {
            run(List.of("htpasswd", "-Bbc", dir.toPath().resolve("htpasswd").toString(), user, password), dir);
        }
        Process process = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.toPath().resolve("registry.log").toFile()).start();
        Thread hook = new Thread(process::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(hook);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                int status = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + port + "/v2/")).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || user != null && status == 401) {
                    return List.of(process, port);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("docker-registry did not start on 127.0.0.1:" + port + ": "
                + Files.readString(dir.toPath().resolve("registry.log")));
    }

    /** Stops a registry {@link #startRegistry} started, and waits for it to end. */
    public static void stopRegistry(Object started) throws InterruptedException {
        Process process = (Process) ((List<?>) started).get(0);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * Starts {@code docker-registry} with token authentication, as ghcr.io and Docker Hub ask for it: a Bearer
     * challenge naming a token service, here an HTTP server of the test's own on another free port that hands a
     * JWT (RS256, signed with a key made by openssl, its certificate the registry's root bundle) to a client
     * that sends {@code user}/{@code password} with Basic, and 401 to any other. Returns
     * {@code [registry process, port, token server]}; stop it with {@link #stopTokenRegistry}.
     */
    public static List<Object> startTokenRegistry(File dir, String user, String password) throws Exception {
        Path home = dir.toPath();
        Files.createDirectories(home);
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out",
                "cert.pem", "-subj", "/CN=crossbuild-it-token", "-days", "2"), dir);
        String pem = Files.readString(home.resolve("key.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        java.security.PrivateKey key = java.security.KeyFactory.getInstance("RSA").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(pem)));
        String certificate = Files.readString(home.resolve("cert.pem")).replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        com.sun.net.httpserver.HttpServer tokens = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        tokens.createContext("/token", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String scope = "";
            for (String part : query == null ? new String[0] : query.split("&")) {
                if (part.startsWith("scope=")) {
                    scope = java.net.URLDecoder.decode(part.substring(6), StandardCharsets.UTF_8);
                }
            }
            byte[] body;
            int status;
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization")) || !scope.startsWith("repository:")) {
                status = 401;
                body = "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}".getBytes(StandardCharsets.UTF_8);
            } else {
                String[] parts = scope.split(":");
                String actions = "\"" + String.join("\",\"", parts[2].split(",")) + "\"";
                long now = System.currentTimeMillis() / 1000;
                java.util.Base64.Encoder url = java.util.Base64.getUrlEncoder().withoutPadding();
                String header = url.encodeToString(("{\"typ\":\"JWT\",\"alg\":\"RS256\",\"x5c\":[\"" + certificate
                        + "\"]}").getBytes(StandardCharsets.UTF_8));
                String claims = url.encodeToString(("{\"iss\":\"crossbuild-it\",\"sub\":\"" + user + "\",\"aud\":"
                        + "\"crossbuild-it-registry\",\"exp\":" + (now + 600) + ",\"nbf\":" + (now - 60) + ",\"iat\":"
                        + now + ",\"jti\":\"" + java.util.UUID.randomUUID() + "\",\"access\":[{\"type\":\"repository\","
                        + "\"name\":\"" + parts[1] + "\",\"actions\":[" + actions + "]}]}").getBytes(StandardCharsets.UTF_8));
                try {
                    java.security.Signature signature = java.security.Signature.getInstance("SHA256withRSA");
                    signature.initSign(key);
                    signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
                    String jwt = header + "." + claims + "." + url.encodeToString(signature.sign());
                    body = ("{\"token\":\"" + jwt + "\"}").getBytes(StandardCharsets.UTF_8);
                    status = 200;
                } catch (java.security.GeneralSecurityException e) {
                    throw new IOException(e);
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tokens.start();
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path config = home.resolve("config.yml");
        Files.writeString(config, "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: "
                + home.resolve("data") + "\nhttp:\n  addr: 127.0.0.1:" + port + "\nauth:\n  token:\n    realm: http://127.0.0.1:"
                + tokens.getAddress().getPort() + "/token\n    service: crossbuild-it-registry\n    issuer: crossbuild-it\n"
                + "    rootcertbundle: " + home.resolve("cert.pem") + "\n");
        Process process = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("registry.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 100 && process.isAlive(); i++) {
            try {
                int status = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + port + "/v2/")).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 401) {
                    return List.of(process, port, tokens);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        tokens.stop(0);
        throw new IllegalStateException("docker-registry with token auth did not start on 127.0.0.1:" + port + ": "
                + Files.readString(home.resolve("registry.log")));
    }

    /** Stops what {@link #startTokenRegistry} started. */
    public static void stopTokenRegistry(Object started) throws InterruptedException {
        stopRegistry(started);
        ((com.sun.net.httpserver.HttpServer) ((List<?>) started).get(2)).stop(0);
    }
}
