package dev.crossbuild.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A SHA-256 over the inputs of a native build, to decide whether it must run again. */
public final class Fingerprint {

    /** Folders never part of a build's inputs. */
    static final Set<String> IGNORED_FOLDERS = Set.of(".git", ".hg", ".svn");

    private final MessageDigest digest;

    public Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public Fingerprint add(String text) {
        digest.update((text == null ? "\u0001null" : text).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        return this;
    }

    public Fingerprint add(List<String> texts) {
        add("list:" + texts.size());
        texts.forEach(this::add);
        return this;
    }

    /** The environment, in name order, without the names that change between identical builds. */
    public Fingerprint add(Map<String, String> env, Set<String> ignored) {
        new TreeMap<>(env).forEach((name, value) -> {
            if (!ignored.contains(name)) {
                add(name + "=" + value);
            }
        });
        return add("end-of-env");
    }

    /**
     * Every file below a directory: relative path, size and modification time. The excluded folder and the ignored
     * ones are not entered at all (a project's build directory may hold a cargo target dir of many thousand files).
     *
     * @param excluded a folder left out, e.g. the build directory when the sources are the project itself
     */
    public Fingerprint addTree(Path root, Path excluded) throws MachineException {
        if (root == null || !Files.isDirectory(root)) {
            return add("no-tree");
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return !dir.equals(root) && (dir.startsWith(excluded)
                            || IGNORED_FOLDERS.contains(dir.getFileName().toString())) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    // a link to a file counts as the file, as the tools read it; a `.git` file (a submodule's) is
                    // version control too; the excluded folder may hold the root itself
                    boolean isFile = attributes.isRegularFile()
                            || attributes.isSymbolicLink() && Files.isRegularFile(file);
                    if (isFile && !file.startsWith(excluded)
                            && !IGNORED_FOLDERS.contains(file.getFileName().toString())) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            found.sort(null);
            for (Path file : found) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                add(root.relativize(file).toString().replace('\\', '/'));
                add(attributes.size() + ":" + attributes.lastModifiedTime().toMillis());
            }
        } catch (IOException e) {
            throw new MachineException("could not list the sources in " + root + ": " + e.getMessage(), e);
        }
        return add("end-of-tree");
    }

    public static boolean ignored(Path relative) {
        for (Path part : relative) {
            if (IGNORED_FOLDERS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
