package dev.crossbuild.linuxpkg;

import java.nio.file.Path;

/**
 * A file of {@code <linuxPackage><files>}: a configuration file, a man page, a systemd unit.
 *
 * @param source      the file on disk
 * @param destination its absolute path in the package, e.g. {@code /etc/hello/hello.toml}; under {@code /etc} it
 *                    is a configuration file (a Debian conffile, an RPM {@code %config(noreplace)})
 * @param mode        its permission bits, e.g. {@code 0644}
 */
public record ExtraFile(Path source, String destination, int mode) {
}
