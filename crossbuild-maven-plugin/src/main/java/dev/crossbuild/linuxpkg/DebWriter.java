package dev.crossbuild.linuxpkg;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vafer.jdeb.Compression;
import org.vafer.jdeb.Console;
import org.vafer.jdeb.DataProducer;
import org.vafer.jdeb.DebMaker;
import org.vafer.jdeb.PackagingException;
import org.vafer.jdeb.mapping.Mapper;
import org.vafer.jdeb.mapping.PermMapper;
import org.vafer.jdeb.producers.DataProducerFile;
import org.vafer.jdeb.producers.DataProducerLink;

/**
 * Writes a {@code .deb} with jdeb's {@code DebMaker}: the control file from the metadata, every entry owned by
 * root with the mode the layout gave it, the time of every entry (tar and ar) the output timestamp, entries in path
 * order, files under {@code /etc} as conffiles.
 */
final class DebWriter {

    /** jdeb reads these and lets them replace the package's version and maintainer. */
    static final List<String> JDEB_VARIABLES = List.of("DEBVERSION", "DEBFULLNAME", "DEBEMAIL");

    private DebWriter() {
    }

    static void write(Path deb, Path work, PackageMetadata meta, String architecture, List<String> depends,
            List<String> description, List<PackagedFile> files, Instant time, BuildLog log) throws MachineException, ProjectException {
        Path control = work.resolve("deb-control");
        Path temporary = deb.resolveSibling(deb.getFileName() + ".part");
        try {
            Files.createDirectories(control);
            Files.writeString(control.resolve("control"), control(meta, architecture, depends, description),
                    StandardCharsets.UTF_8);
            List<DataProducer> data = new ArrayList<>();
            List<DataProducer> conffiles = new ArrayList<>();
            for (PackagedFile file : files) {
                DataProducer producer = producer(file);
                data.add(producer);
                if (file.role() == PackagedFile.Role.CONFIG) {
                    conffiles.add(producer);
                }
            }
            DebMaker maker = new DebMaker(console(log), data, conffiles);
            maker.setDeb(temporary.toFile());
            maker.setControl(control.toFile());
            maker.setEncoding(StandardCharsets.UTF_8);
            maker.setCompression("gzip");
            maker.setOutputTimestampMs(time.toEpochMilli());
            maker.validate();
            maker.createDeb(Compression.GZIP);
            Files.move(temporary, deb, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (PackagingException e) {
            throw new MachineException("could not write " + deb + ": " + cause(e), e);
        } catch (IOException e) {
            throw new MachineException("could not write " + deb + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the next run writes it again
            }
        }
    }

    /**
     * The control file: fields in the order Debian's own tools write them. Every value is one line (checked by
     * {@link PackageText}); the description's paragraphs are continuation lines.
     *
     * @param description the long description's paragraphs
     */
    static String control(PackageMetadata meta, String architecture, List<String> depends, List<String> description) {
        StringBuilder text = new StringBuilder();
        text.append("Package: ").append(meta.name()).append('\n');
        text.append("Version: ").append(meta.version().debian()).append('\n');
        text.append("Section: ").append(meta.section()).append('\n');
        text.append("Priority: optional\n");
        text.append("Architecture: ").append(architecture).append('\n');
        text.append("Maintainer: ").append(meta.maintainer()).append('\n');
        if (!depends.isEmpty()) {
            text.append("Depends: ").append(String.join(", ", depends)).append('\n');
        }
        if (meta.homepage() != null) {
            text.append("Homepage: ").append(meta.homepage()).append('\n');
        }
        text.append("Description: ").append(DebianDocs.description(meta.summary(), description)).append('\n');
        return text.toString();
    }

    private static DataProducer producer(PackagedFile file) {
        Mapper[] owner = {new PermMapper(0, 0, "root", "root", file.mode(), 0755, 0, null)};
        if (file.isLink()) {
            return new DataProducerLink(file.path(), file.link(), true, null, null, owner);
        }
        return new DataProducerFile(file.source().toFile(), file.path(), null, null, owner);
    }

    private static Console console(BuildLog log) {
        return new Console() {
            @Override
            public void debug(String message) {
                log.debug("jdeb: " + message);
            }

            @Override
            public void info(String message) {
                log.debug("jdeb: " + message);
            }

            @Override
            public void warn(String message) {
                log.warn("jdeb: " + message);
            }
        };
    }

    private static String cause(Throwable e) {
        Throwable inner = e;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        return inner == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + inner;
    }
}
