package dev.crossbuild.it;

import dev.crossbuild.binary.BinaryHeader;
import dev.crossbuild.binary.BinaryHeaders;
import dev.crossbuild.nativeloader.NativeIndex;
import dev.crossbuild.packaging.Checksums;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Helpers for the native JAR scenarios: a JAR's entries, its index, its libraries' headers, JVMs to run. */
public final class NativeJarItSupport {

    private NativeJarItSupport() {
    }

    /** The entry names of a JAR, in the order they are stored. */
    public static List<String> entries(File jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar)) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    /**
     * Checks that a native JAR holds its manifest, one platform folder with its index and one library, and nothing
     * else, and that the index names that library as its main and only one; returns the index.
     */
    public static NativeIndex oneLibraryJar(File jar, String name, String platform, String library)
            throws IOException {
        String folder = NativeIndex.ROOT + name + "/" + platform + "/";
        List<String> names = entries(jar);
        ItSupport.check(names.equals(List.of("META-INF/", "META-INF/MANIFEST.MF", NativeIndex.ROOT,
                NativeIndex.ROOT + name + "/", folder, folder + "crossbuild-native.index", folder + library)),
                jar.getName() + " holds " + names);
        NativeIndex index = index(jar, name, platform);
        ItSupport.check(index.platform().equals(platform) && index.name().equals(name), jar.getName() + ": "
                + index.write());
        ItSupport.check(library.equals(index.main()) && index.libraries().size() == 1
                && index.libraries().get(0).file().equals(library), jar.getName() + ": " + index.write());
        return index;
    }

    /** The index of one platform folder of a JAR, read as the loader reads it. */
    public static NativeIndex index(File jar, String name, String platform) throws IOException {
        String path = NativeIndex.path(name, platform);
        try (ZipFile zip = new ZipFile(jar)) {
            ZipEntry entry = zip.getEntry(path);
            if (entry == null) {
                throw new AssertionError(jar + " has no " + path);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return NativeIndex.read(in, jar + "!/" + path);
            }
        }
    }

    /** Copies one entry of a JAR into a folder and returns the file. */
    public static File extract(File jar, String entryName, File into) throws IOException {
        try (ZipFile zip = new ZipFile(jar)) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new AssertionError(jar + " has no " + entryName);
            }
            Path target = into.toPath().resolve(entryName.substring(entryName.lastIndexOf('/') + 1));
            Files.createDirectories(into.toPath());
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target.toFile();
        }
    }

    /**
     * Checks every library of a platform folder against the index: listed, the same sha256, and a binary whose
     * header description contains every {@code expected} piece; returns the headers' descriptions.
     */
    public static List<String> checkLibraries(File jar, String name, String platform, File work, String... expected)
            throws IOException {
        NativeIndex index = index(jar, name, platform);
        List<String> descriptions = new ArrayList<>();
        for (NativeIndex.Library library : index.libraries()) {
            File file = extract(jar, NativeIndex.ROOT + name + "/" + platform + "/" + library.file(), work);
            String sha256 = Checksums.sha256(file.toPath());
            ItSupport.check(sha256.equals(library.sha256()), jar + ": " + library.file() + " is " + sha256
                    + ", the index says " + library.sha256());
            Optional<BinaryHeader> header;
            try {
                header = BinaryHeaders.read(file.toPath());
            } catch (Exception e) {
                throw new AssertionError(file + ": " + e, e);
            }
            ItSupport.check(header.isPresent(), file + " is no binary");
            String description = header.get().description();
            for (String part : expected) {
                ItSupport.check(description.contains(part), jar + ": " + library.file() + " is " + description
                        + ", expected " + String.join(", ", expected));
            }
            descriptions.add(description);
        }
        return descriptions;
    }

    /**
     * Rewrites a JAR as an attacker or a broken upload would: each entry of {@code changes} replaced by its bytes
     * (added when new, removed when null), the others copied; then its {@code .sha256} made to match.
     */
    public static void rewrite(File jar, java.util.Map<String, byte[]> changes) throws IOException {
        File temp = new File(jar.getPath() + ".new");
        java.util.Map<String, byte[]> left = new java.util.LinkedHashMap<>(changes);
        try (ZipFile zip = new ZipFile(jar);
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(
                        Files.newOutputStream(temp.toPath()))) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                boolean changed = left.containsKey(entry.getName());
                byte[] bytes = changed ? left.remove(entry.getName()) : zip.getInputStream(entry).readAllBytes();
                if (bytes == null) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
            for (java.util.Map.Entry<String, byte[]> added : left.entrySet()) {
                if (added.getValue() != null) {
                    out.putNextEntry(new ZipEntry(added.getKey()));
                    out.write(added.getValue());
                    out.closeEntry();
                }
            }
        }
        Files.move(temp.toPath(), jar.toPath(), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(Path.of(jar.getPath() + ".sha256"), sha256(jar) + "  " + jar.getName() + "\n");
    }

    /** The bytes of one entry of a JAR. */
    public static byte[] entryBytes(File jar, String name) throws IOException {
        try (ZipFile zip = new ZipFile(jar)) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new AssertionError(jar + " has no " + name);
            }
            return zip.getInputStream(entry).readAllBytes();
        }
    }

    public static String sha256(File file) throws IOException {
        return Checksums.sha256(file.toPath());
    }

    /** The {@code java} of a JDK under /usr/lib/jvm whose feature version is at least {@code feature}, or null. */
    public static File javaAtLeast(int feature) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        Pattern version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
        try (Stream<Path> homes = Files.list(jvms)) {
            for (Path home : homes.sorted().toList()) {
                Path release = home.resolve("release");
                Path java = home.resolve("bin/java");
                if (!Files.isRegularFile(release) || !Files.isExecutable(java)) {
                    continue;
                }
                Matcher m = version.matcher(Files.readString(release, StandardCharsets.UTF_8));
                if (m.find() && Integer.parseInt(m.group(1)) >= feature) {
                    return java.toFile();
                }
            }
        }
        return null;
    }

    /** A JAR of the scenarios' local repository: {@code groupId/artifactId/version/artifactId-version.jar}. */
    public static File repositoryJar(Object localRepository, String groupId, String artifactId) throws IOException {
        Path dir = Path.of(String.valueOf(localRepository)).resolve(groupId.replace('.', '/')).resolve(artifactId);
        try (Stream<Path> files = Files.walk(dir, 2)) {
            return files.filter(f -> f.getFileName().toString().matches(Pattern.quote(artifactId)
                    + "-[0-9][^-]*(-SNAPSHOT)?\\.jar")).sorted().findFirst()
                    .orElseThrow(() -> new AssertionError("no " + artifactId + " JAR under " + dir)).toFile();
        }
    }

    /** A class path of files. */
    public static String classPath(File... files) {
        return String.join(File.pathSeparator, Stream.of(files).map(File::getAbsolutePath).toList());
    }

    /** Where the cache of a scenario's loader runs goes, so that no run reuses another's files. */
    public static String cacheProperty(File basedir, String name) {
        return "-Dcrossbuild.native.dir=" + new File(basedir, "target/native-cache-" + name).getAbsolutePath();
    }
}
