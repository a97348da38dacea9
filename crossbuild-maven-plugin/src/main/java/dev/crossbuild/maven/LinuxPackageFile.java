package dev.crossbuild.maven;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.linuxpkg.ExtraFile;
import java.nio.file.Path;

/** One {@code <file>} of {@code <linuxPackage><files>}: a file of the project, where it goes and its mode. */
public class LinuxPackageFile {

    /** The file, relative to the project directory. */
    private String source;

    /** Its absolute path in the package, e.g. {@code /etc/hello/hello.toml} (a conffile under {@code /etc}). */
    private String destination;

    /** Its mode in octal; {@code 0644} when unset. */
    private String mode;

    ExtraFile toExtraFile(int position, Path baseDirectory) throws ProjectException {
        String element = "<linuxPackage><files><file> number " + position;
        if (source == null || source.isBlank()) {
            throw new ProjectException(element + " has no <source>; name the project file to install");
        }
        if (destination == null || destination.isBlank()) {
            throw new ProjectException(element + " (" + source.trim() + ") has no <destination>; give its absolute"
                    + " path in the package, e.g. /etc/<name>/" + Path.of(source.trim()).getFileName());
        }
        int bits = 0644;
        if (mode != null && !mode.isBlank()) {
            String m = mode.trim();
            if (!m.matches("0?[0-7]{3}")) {
                throw new ProjectException(element + " (" + source.trim() + "): <mode>" + m + "</mode> is not an"
                        + " octal mode such as 0644 or 0755");
            }
            bits = Integer.parseInt(m, 8);
        }
        return new ExtraFile(baseDirectory.resolve(source.trim()).normalize(), destination.trim(), bits);
    }
}
