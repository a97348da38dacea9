package dev.crossbuild.linuxpkg;

import dev.crossbuild.core.MachineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.packager.rpm.FileFlags;
import org.eclipse.packager.rpm.RpmTag;
import org.eclipse.packager.rpm.RpmVersion;
import org.eclipse.packager.rpm.build.BuilderContext;
import org.eclipse.packager.rpm.build.BuilderOptions;
import org.eclipse.packager.rpm.build.DigestAlgorithm;
import org.eclipse.packager.rpm.build.FileInformation;
import org.eclipse.packager.rpm.build.FileInformationProvider;
import org.eclipse.packager.rpm.build.RpmBuilder;
import org.eclipse.packager.rpm.coding.PayloadCoding;

/**
 * Writes an {@code .rpm} with Eclipse Packager's {@code RpmBuilder}: SHA-256 file digests, a gzip payload, every
 * entry owned by root, the output timestamp as every file's time and, through the header customizer, as
 * {@code BUILDTIME}; a fixed build host. The package owns its own folders ({@code /usr/lib/<name>},
 * {@code /usr/share/doc/<name>}), not the system's. Libraries are installed 0755 as rpm distributions do.
 */
final class RpmWriter {

    private static final String BUILD_HOST = "localhost";

    private RpmWriter() {
    }

    static void write(Path rpm, PackageMetadata meta, String architecture, Collection<String> requires,
            List<String> description, List<PackagedFile> files, List<String> directories, Instant time) throws MachineException {
        Path temporary = rpm.resolveSibling(rpm.getFileName() + ".part");
        BuilderOptions options = new BuilderOptions();
        options.setFileDigestAlgorithm(DigestAlgorithm.SHA256);
        options.setPayloadCoding(PayloadCoding.GZIP);
        try {
            try (RpmBuilder builder = new RpmBuilder(meta.name(), new RpmVersion(null, meta.version().rpmVersion(),
                    meta.version().rpmRelease()), architecture, temporary, options)) {
                RpmBuilder.PackageInformation info = builder.getInformation();
                info.setSummary(meta.summary());
                info.setDescription(DebianDocs.rpmDescription(description));
                info.setLicense(meta.license());
                info.setUrl(meta.homepage());
                info.setPackager(meta.maintainer());
                info.setVendor(meta.vendor());
                info.setGroup(meta.section());
                info.setBuildHost(BUILD_HOST);
                info.setOperatingSystem("linux");
                int seconds = (int) time.getEpochSecond();
                builder.setHeaderCustomizer(header -> header.putInt(RpmTag.BUILDTIME, seconds));
                for (String require : requires) {
                    builder.addRequirement(require, "");
                }
                BuilderContext context = builder.newContext();
                for (String directory : directories) {
                    context.addDirectory(directory, provider(0755, time, EnumSet.noneOf(FileFlags.class)));
                }
                for (PackagedFile file : files) {
                    if (file.isLink()) {
                        context.addSymbolicLink(file.path(), file.link(), provider(0777, time,
                                EnumSet.noneOf(FileFlags.class)));
                    } else {
                        int mode = file.role() == PackagedFile.Role.LIBRARY ? 0755 : file.mode();
                        context.addFile(file.path(), file.source(), provider(mode, time, flags(file)));
                    }
                }
                builder.build();
            }
            Files.move(temporary, rpm, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            throw new MachineException("could not write " + rpm + ": " + e, e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the next run writes it again
            }
        }
    }

    private static Set<FileFlags> flags(PackagedFile file) {
        return switch (file.role()) {
            case CONFIG -> EnumSet.of(FileFlags.CONFIGURATION, FileFlags.NOREPLACE);
            case DOC -> file.path().endsWith("/copyright") ? EnumSet.of(FileFlags.LICENSE) : EnumSet.of(FileFlags.DOC);
            default -> EnumSet.noneOf(FileFlags.class);
        };
    }

    private static <T> FileInformationProvider<T> provider(int mode, Instant time, Set<FileFlags> flags) {
        return (name, object, type) -> {
            FileInformation info = new FileInformation();
            info.setMode((short) mode);
            info.setTimestamp(time);
            info.setUser("root");
            info.setGroup("root");
            info.setFileFlags(flags);
            return info;
        };
    }
}
