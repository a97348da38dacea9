package dev.crossbuild.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.crossbuild.binary.BinaryNeeds;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.Fingerprint;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.core.Stamp;
import dev.crossbuild.model.PlatformKeys;
import dev.crossbuild.model.PlatformKeys.OciPlatform;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.packaging.Checksums;
import dev.crossbuild.packaging.FileKind;
import dev.crossbuild.packaging.ShippedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds one multi-platform OCI image layout from what the Linux targets ship (their records, {@link ImageTarget}):
 * per platform the base's layers and one layer with the target's files, a config with the pom's annotations, and a manifest; one image index over
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
    private final WorkLayout work;
    private final Path baseDirectory;
    private final BasePuller puller;
    private final BuildLog log;

    /**
     * @param work          the build's work folders: the layout goes to {@code target/crossbuild/image}
     * @param baseDirectory the project directory, which a base layout path is relative to
     */
    public ImageBuilder(ImageSpec spec, WorkLayout work, Path baseDirectory, BasePuller puller, BuildLog log) {
        this.spec = spec;
        this.work = work;
        this.baseDirectory = baseDirectory;
        this.puller = puller;
        this.log = log;
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
        Path layout = work.imageLayout();
        Path stamp = work.imageStamp();
        String inputs = inputs(byPlatform, platforms);
        try {
            if (Stamp.current(stamp, archiveFile, inputs).isPresent()
                    && Files.isRegularFile(layout.resolve("index.json"))) {
                log.info("image " + spec.name() + " is up to date (same files, base and settings), not written"
                        + " again");
                return new Result(layout, archiveFile, List.copyOf(platforms.keySet()), leftOut, true);
            }
        } catch (IOException e) {
            throw new MachineException("could not read " + stamp + ": " + e.getMessage(), e);
        }
        List<Platform> images = new ArrayList<>();
        for (Map.Entry<String, ImageTarget> entry : byPlatform.entrySet()) {
            ImageTarget target = entry.getValue();
            OciPlatform platform = platforms.get(entry.getKey());
            String who = "target `" + target.id() + "` (" + target.triple() + ", " + platform + ")";
            Map<String, Map.Entry<Path, Boolean>> files = files(target, who, problems);
            if (files == null) {
                continue;
            }
            BaseImage base = base(platform, who, true);
            Map<String, BinaryNeeds> needs = new TreeMap<>();
            List<String> programs = new ArrayList<>();
            for (ShippedFile file : target.packaged().files()) {
                String name = spec.folder() + "/" + file.path();
                if (file.kind() == FileKind.PROGRAM) {
                    programs.add(name);
                }
                if (file.needs() != null) {
                    needs.put(name, file.needs());
                }
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
            throw failure(problems);
        }
        try {
            Stamp.forget(stamp);
            new LayoutWriter(layout).write(spec, images.stream().map(p -> new LayoutWriter.PlatformImage(
                    p.target().id(), p.platform(), p.files(), p.base(), p.entrypoint())).toList(), archiveFile);
            new Stamp(inputs, Stamp.describe(archiveFile), Checksums.sha256(archiveFile), Map.of()).write(stamp);
        } catch (IOException e) {
            throw new MachineException("could not write the image layout " + layout + ": " + e.getMessage(), e);
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

    /** The target's files under the image's folder, from its record; null after a problem. */
    private Map<String, Map.Entry<Path, Boolean>> files(ImageTarget target, String who, List<String> problems) {
        if (target.packaged() == null) {
            problems.add(target.problem());
            return null;
        }
        Map<String, Map.Entry<Path, Boolean>> files = new TreeMap<>();
        for (ShippedFile file : target.packaged().files()) {
            files.put(spec.folder() + "/" + file.path(), Map.entry(file.sourceFile(),
                    file.executable() || file.kind() == FileKind.PROGRAM));
        }
        return files;
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

    /** The spec, and per platform its files (path, checksum, mode, kind) and its base's layers and config. */
    private String inputs(Map<String, ImageTarget> byPlatform, Map<String, OciPlatform> platforms)
            throws CrossbuildException {
        Fingerprint fingerprint = new Fingerprint().add("image-v1").add(spec.toString());
        for (Map.Entry<String, ImageTarget> entry : byPlatform.entrySet()) {
            ImageTarget target = entry.getValue();
            fingerprint.add(entry.getKey()).add(target.id());
            if (target.packaged() == null) {
                fingerprint.add("none");
            } else {
                for (ShippedFile file : target.packaged().files()) {
                    fingerprint.add(file.path()).add(file.sha256()).add(Boolean.toString(file.executable()))
                            .add(file.kind().name());
                }
            }
            BaseImage base = base(platforms.get(entry.getKey()), "target `" + target.id() + "`", false);
            fingerprint.add(base.diffIds()).add(Oci.digest(Oci.bytes(base.config())));
            for (BaseImage.Layer layer : base.layers()) {
                fingerprint.add(layer.descriptor().digest());
            }
        }
        return fingerprint.hex();
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
