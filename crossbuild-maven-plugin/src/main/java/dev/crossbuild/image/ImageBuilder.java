package dev.crossbuild.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.crossbuild.binary.BinaryHeader;
import dev.crossbuild.binary.BinaryHeaders;
import dev.crossbuild.binary.BinaryKind;
import dev.crossbuild.binary.BinaryNeeds;
import dev.crossbuild.binary.BinaryNeedsReader;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.FileTrees;
import dev.crossbuild.core.Fingerprint;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.PlatformKeys;
import dev.crossbuild.model.PlatformKeys.OciPlatform;
import dev.crossbuild.packaging.ArchiveFormat;
import dev.crossbuild.packaging.ArchiveReader;
import dev.crossbuild.packaging.ArchiveRefusedException;
import dev.crossbuild.packaging.Checksums;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Builds one multi-platform OCI image layout from the Linux targets' archives: per platform the base's layers and
 * one layer with the archive's files, a config with the pom's annotations, and a manifest; one image index over
 * them, tagged in {@code index.json}, plus one ref per platform ({@code <tag>-<arch>}) for tools that take a
 * single manifest. Everything is checked (platforms, archives, the start check against each base) before a byte
 * is written; blobs are content-addressed, so an unchanged image rewrites nothing.
 */
public final class ImageBuilder {

    /** What was built: the layout, its OCI archive, the platforms and the targets left out. */
    public record Result(Path layout, Path archive, List<String> platforms, List<String> leftOut, boolean upToDate) {
    }

    /** Finds a base image that is not on disk: pulls it from its registry into a local layout. */
    @FunctionalInterface
    public interface BasePuller {
        Path pull(String reference) throws CrossbuildException;
    }

    private static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final ImageSpec spec;
    private final Path workRoot;
    private final Path baseDirectory;
    private final BasePuller puller;
    private final BuildLog log;

    /**
     * @param workRoot      {@code target/crossbuild}: the layout goes to {@code image/} under it
     * @param baseDirectory the project directory, which a base layout path is relative to
     */
    public ImageBuilder(ImageSpec spec, Path workRoot, Path baseDirectory, BasePuller puller, BuildLog log) {
        this.spec = spec;
        this.workRoot = workRoot;
        this.baseDirectory = baseDirectory;
        this.puller = puller;
        this.log = log;
    }

    public static Path layoutOf(Path workRoot) {
        return workRoot.resolve("image");
    }

    private record Platform(ImageTarget target, OciPlatform platform, Map<String, Map.Entry<Path, Boolean>> files,
            BaseImage base, List<String> entrypoint) {
    }

    /**
     * @param archiveFile where the OCI archive of the layout goes
     */
    public Result build(List<ImageTarget> targets, Path archiveFile) throws CrossbuildException {
        List<String> leftOut = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String port : spec.ports()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,5})(/(tcp|udp|sctp))?").matcher(port);
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 65535) {
                problems.add("<image><ports><port>" + port + "</port> is not a port: a number from 1 to 65535,"
                        + " optionally followed by /tcp, /udp or /sctp");
            }
        }
        Map<String, ImageTarget> byPlatform = new LinkedHashMap<>();
        Map<String, OciPlatform> platforms = new LinkedHashMap<>();
        for (ImageTarget target : targets) {
            Optional<OciPlatform> platform = PlatformKeys.ociPlatform(target.triple());
            if (platform.isEmpty()) {
                leftOut.add(target.id());
                log.info("[" + target.id() + "] left out of the image: " + target.triple() + " is not a Linux"
                        + " platform an OCI image can hold");
                continue;
            }
            ImageTarget other = byPlatform.putIfAbsent(platform.get().toString(), target);
            if (other != null) {
                problems.add("targets `" + other.id() + "` and `" + target.id() + "` are both " + platform.get()
                        + ", and an image index holds one image per platform; select one of them for the image"
                        + " with -D" + "crossbuild.targets");
            }
            platforms.putIfAbsent(platform.get().toString(), platform.get());
        }
        if (byPlatform.isEmpty()) {
            throw new ProjectException("package-image: no selected target is a Linux target (" + String.join(", ",
                    leftOut) + "), so there is nothing to put in an image; add one to <targets>, or skip the goal"
                    + " with -Dcrossbuild.package-image.skip");
        }
        if (!problems.isEmpty()) {
            throw failure(problems);
        }
        // what the image follows from, known without unpacking anything: an unchanged image is not looked at again
        Path layout = layoutOf(workRoot);
        Path stamp = workRoot.resolve("image-stamp.txt");
        String inputs = inputs(byPlatform, platforms);
        try {
            if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(inputs)
                    && Files.isRegularFile(layout.resolve("index.json")) && Files.isRegularFile(archiveFile)) {
                log.info("image " + spec.name() + " is up to date (same archives, base and settings), not written"
                        + " again");
                return new Result(layout, archiveFile, List.copyOf(platforms.keySet()), leftOut, true);
            }
        } catch (IOException e) {
            throw new MachineException("could not read " + stamp + ": " + e.getMessage(), e);
        }
        Path work = workRoot.resolve("image-work");
        List<Platform> images = new ArrayList<>();
        for (Map.Entry<String, ImageTarget> entry : byPlatform.entrySet()) {
            ImageTarget target = entry.getValue();
            OciPlatform platform = platforms.get(entry.getKey());
            String who = "target `" + target.id() + "` (" + target.triple() + ", " + platform + ")";
            Map<String, Map.Entry<Path, Boolean>> files = unpack(target, work.resolve(target.id()), who, problems);
            if (files == null) {
                continue;
            }
            BaseImage base = base(platform, who, true);
            Map<String, BinaryNeeds> needs = new TreeMap<>();
            List<String> programs = new ArrayList<>();
            for (Map.Entry<String, Map.Entry<Path, Boolean>> file : files.entrySet()) {
                Path source = file.getValue().getKey();
                Optional<BinaryHeader> header = read(() -> BinaryHeaders.read(source), source);
                if (header.isPresent() && header.get().kind() == BinaryKind.EXECUTABLE
                        || header.isPresent() && header.get().kind() == BinaryKind.SHARED_OBJECT
                        && !file.getKey().matches(".*\\.so(\\.\\d+)*$")) {
                    programs.add(file.getKey());
                }
                read(() -> BinaryNeedsReader.read(source), source).ifPresent(n -> needs.put(file.getKey(), n));
            }
            problems.addAll(StartCheck.problems(who, target.triple(), base, needs, files.keySet()));
            List<String> entrypoint = spec.entrypoint();
            if (entrypoint.isEmpty()) {
                if (programs.size() != 1) {
                    problems.add(who + ": " + (programs.isEmpty() ? "its archive holds no program"
                            : "its archive holds " + programs.size() + " programs (" + programs.stream()
                                    .map(p -> "/" + p).reduce((a, b) -> a + ", " + b).orElse("") + ")")
                            + ", so the image has no default entrypoint; set <image><entrypoint><arg>/"
                            + spec.folder() + "/…</arg></entrypoint>");
                    continue;
                }
                entrypoint = List.of("/" + programs.get(0));
            }
            images.add(new Platform(target, platform, files, base, entrypoint));
        }
        if (!problems.isEmpty()) {
            FileTrees.deleteQuietly(work);
            throw failure(problems);
        }
        try {
            Files.deleteIfExists(stamp);
            new LayoutWriter(layout).write(spec, images.stream().map(p -> new LayoutWriter.PlatformImage(
                    p.target().id(), p.platform(), p.files(), p.base(), p.entrypoint())).toList(), archiveFile);
            Files.writeString(stamp, inputs);
        } catch (IOException e) {
            throw new MachineException("could not write the image layout " + layout + ": " + e.getMessage(), e);
        } finally {
            FileTrees.deleteQuietly(work);
        }
        images.forEach(p -> log.info("[" + p.target().id() + "] " + p.platform() + " on " + p.base().source()
                + ", entrypoint " + p.entrypoint()));
        log.info("image " + spec.name() + " written to " + layout + " and " + archiveFile);
        return new Result(layout, archiveFile, List.copyOf(platforms.keySet()), leftOut, false);
    }

    private ProjectException failure(List<String> problems) {
        return new ProjectException(problems.size() == 1 ? "package-image: " + problems.get(0)
                : "package-image found " + problems.size() + " problems:\n  - " + String.join("\n  - ", problems));
    }

    /** The archive's files under the image's folder, the single top folder stripped; null after a problem. */
    private Map<String, Map.Entry<Path, Boolean>> unpack(ImageTarget target, Path into, String who,
            List<String> problems) throws CrossbuildException {
        if (!Files.isRegularFile(target.archive())) {
            problems.add(who + ": its archive " + target.archive() + " is missing; " + missingHint(target));
            return null;
        }
        List<String> names;
        try {
            FileTrees.deleteQuietly(into);
            names = ArchiveReader.extract(target.archive(), target.format(), into);
        } catch (ArchiveRefusedException e) {
            problems.add(who + ": " + e.getMessage());
            return null;
        } catch (IOException e) {
            throw new MachineException("could not unpack " + target.archive() + ": " + e.getMessage(), e);
        }
        Set<String> tops = new TreeSet<>();
        names.forEach(n -> tops.add(n.contains("/") ? n.substring(0, n.indexOf('/')) : n));
        if (tops.size() != 1 || !Files.isDirectory(into.resolve(tops.iterator().next()))) {
            problems.add(who + ": " + target.archive() + " does not hold one top folder (" + tops + "); it was not"
                    + " written by package-arch");
            return null;
        }
        Path top = into.resolve(tops.iterator().next());
        Map<String, Map.Entry<Path, Boolean>> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = spec.folder() + "/" + top.relativize(file).toString().replace('\\', '/');
                files.put(name, Map.entry(file, executable(file)));
            }
        } catch (IOException e) {
            throw new MachineException("could not list " + top + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** How to get the archive: another format's archive beside it means the two goals disagree on the format. */
    private static String missingHint(ImageTarget target) {
        String name = target.archive().getFileName().toString();
        String stem = name.substring(0, name.length() - target.format().extension().length() - 1);
        for (ArchiveFormat other : ArchiveFormat.values()) {
            Path sibling = target.archive().resolveSibling(stem + "." + other.extension());
            if (other != target.format() && Files.isRegularFile(sibling)) {
                return "there is " + sibling.getFileName() + ", so package-arch ran with another"
                        + " -Dcrossbuild.archiveFormat; give both goals the same value (run them in one mvn command)";
            }
        }
        return "run package-arch before package-image (list both goals in one <execution>; mvn package runs both)";
    }

    /** Binaries and scripts get 0755: the archive's modes are not kept when it is unpacked as untrusted bytes. */
    private static boolean executable(Path file) throws IOException {
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 4);
        }
        return read == 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F'
                || read >= 2 && head[0] == '#' && head[1] == '!';
    }

    private BaseImage base(OciPlatform platform, String who, boolean listFiles) throws CrossbuildException {
        String base = spec.base();
        if (base.equals(BaseImage.SCRATCH)) {
            return BaseImage.scratch();
        }
        Path layout;
        String ref = null;
        if (base.startsWith("oci:")) {
            String rest = base.substring(4);
            int colon = rest.lastIndexOf(':');
            if (colon > 0 && !rest.substring(colon + 1).contains("/")) {
                ref = rest.substring(colon + 1);
                rest = rest.substring(0, colon);
            }
            layout = baseDirectory.resolve(rest);
        } else if (Files.isDirectory(baseDirectory.resolve(base))) {
            layout = baseDirectory.resolve(base);
        } else {
            layout = puller.pull(base);
            ref = ImageName.parse(base, "<image><base>").tag();
        }
        return BaseImage.fromLayout(layout, ref, platform, base, listFiles).orElseThrow(() -> new ProjectException(who
                + ": the base image <image><base>" + base + "</base> has no " + platform + " image; use a"
                + " multi-platform base, or leave the target out with -Dcrossbuild.targets"));
    }

    /** The spec, and per platform its archive's bytes and its base's layers and config. */
    private String inputs(Map<String, ImageTarget> byPlatform, Map<String, OciPlatform> platforms)
            throws CrossbuildException {
        Fingerprint fingerprint = new Fingerprint().add("image-v1").add(spec.toString());
        for (Map.Entry<String, ImageTarget> entry : byPlatform.entrySet()) {
            ImageTarget target = entry.getValue();
            fingerprint.add(entry.getKey()).add(target.id());
            try {
                fingerprint.add(Files.isRegularFile(target.archive()) ? Checksums.sha256(target.archive()) : "none");
            } catch (IOException e) {
                throw new MachineException("could not read " + target.archive() + ": " + e.getMessage(), e);
            }
            BaseImage base = base(platforms.get(entry.getKey()), "target `" + target.id() + "`", false);
            fingerprint.add(base.diffIds()).add(Oci.digest(Oci.bytes(base.config())));
            for (BaseImage.Layer layer : base.layers()) {
                fingerprint.add(layer.descriptor().digest());
            }
        }
        return fingerprint.hex();
    }

    @FunctionalInterface
    private interface Reading<T> {
        Optional<T> read() throws IOException, CrossbuildException;
    }

    private static <T> Optional<T> read(Reading<T> reading, Path file) throws CrossbuildException {
        try {
            return reading.read();
        } catch (IOException e) {
            throw new MachineException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    static JsonArray array(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    static List<String> strings(JsonElement element) {
        List<String> values = new ArrayList<>();
        if (element != null && element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> values.add(e.getAsString()));
        }
        return values;
    }

    static JsonObject object(JsonObject parent, String key) {
        return parent != null && parent.has(key) && parent.get(key).isJsonObject() ? parent.getAsJsonObject(key)
                : new JsonObject();
    }

    static String defaultPath() {
        return DEFAULT_PATH;
    }
}
